import { realpath } from "node:fs/promises";
import { statSync } from "node:fs";
import type { ReadLimits } from "@/lib/model/limits";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { discoverRecordings } from "@/lib/sources/discover";
import { loadCatalogFiles, saveCatalogFiles, type CatalogFile } from "./catalog-cache";
import { readEntries, type CatalogEntry } from "./catalog-entry";

/** A file to hold in the catalog, as the caller last saw it. */
export interface FileState {
  relPath: string;
  size: number;
  mtimeMs: number;
}

const READ_CONCURRENCY = 8;

/**
 * Every recorded request under one root, one entry per llama-stack file or cassette interaction:
 * what the matcher ranks and the drift finder groups. Kept in step with a list of files (the
 * index's, or a walk of the root) and cached across runs beside the index cache, so a match on a
 * large checkout reads no recording that did not change.
 */
export class RequestCatalog {
  private files = new Map<string, CatalogFile>();
  private flat: CatalogEntry[] | null = null;
  private syncing: Promise<boolean> | null = null;
  /** Grows on every change, for what is derived from the entries (drift groups). */
  version = 0;
  /** How many files the last sync read (not taken from the cache). */
  lastRead = 0;

  private constructor(
    readonly root: string,
    private readonly limits: ReadLimits,
    private readonly useCache: boolean,
  ) {}

  /** An empty catalog for `root` (a real path), filled from the cache when `cache`. */
  static async create(
    root: string,
    options: { limits?: ReadLimits; cache?: boolean } = {},
  ): Promise<RequestCatalog> {
    const catalog = new RequestCatalog(root, options.limits ?? DEFAULT_LIMITS, options.cache ?? true);
    if (catalog.useCache) catalog.files = await loadCatalogFiles(root);
    return catalog;
  }

  /**
   * Opens the catalog of a directory on its own (the command line): walks the root, and reads
   * the files that are new or changed since the cache was written.
   */
  static async openDirectory(
    dir: string,
    options: { limits?: ReadLimits; cache?: boolean } = {},
  ): Promise<RequestCatalog> {
    const root = await realpath(dir);
    const [catalog, files] = await Promise.all([
      RequestCatalog.create(root, options),
      discoverRecordings(root),
    ]);
    const states: FileState[] = [];
    for (const file of files) {
      // Synchronous stats: thousands of them cost a few ms, where the thread pool costs hundreds.
      const info = statSync(file.path, { throwIfNoEntry: false });
      if (info) states.push({ relPath: file.relPath, size: info.size, mtimeMs: info.mtimeMs });
    }
    await catalog.sync(states);
    return catalog;
  }

  /** Every entry, by path then interaction. */
  entries(): CatalogEntry[] {
    this.flat ??= [...this.files.values()].flatMap((file) => file.entries);
    return this.flat;
  }

  /** The entries of one file. */
  entriesOf(relPath: string): CatalogEntry[] {
    return this.files.get(relPath)?.entries ?? [];
  }

  /** An entry as its file holds it now, long strings whole (the catalog keeps digests of them). */
  async wholeEntry(entry: CatalogEntry): Promise<CatalogEntry> {
    if (!entry.abbreviated) return entry;
    const entries = await readEntries(`${this.root}/${entry.path}`, entry.path, this.limits, true);
    return entries.find((other) => other.interaction === entry.interaction) ?? entry;
  }

  get fileCount(): number {
    return this.files.size;
  }

  /**
   * Brings the catalog in step with `states`: reads new and changed files, drops removed ones,
   * and saves the cache when anything changed. Returns whether anything did. Calls made while
   * one runs wait for it and then run.
   */
  async sync(states: readonly FileState[]): Promise<boolean> {
    while (this.syncing) await this.syncing;
    this.syncing = this.syncOnce(states).finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async syncOnce(states: readonly FileState[]): Promise<boolean> {
    const next = new Map<string, CatalogFile>();
    const stale: FileState[] = [];
    for (const state of states) {
      const known = this.files.get(state.relPath);
      if (known && known.size === state.size && known.mtimeMs === state.mtimeMs)
        next.set(state.relPath, known);
      else stale.push(state);
    }
    const queue = [...stale];
    const worker = async () => {
      for (let state = queue.shift(); state; state = queue.shift()) {
        const entries = await readEntries(`${this.root}/${state.relPath}`, state.relPath, this.limits);
        next.set(state.relPath, { path: state.relPath, size: state.size, mtimeMs: state.mtimeMs, entries });
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    this.lastRead = stale.length;
    const removed = [...this.files.keys()].some((path) => !next.has(path));
    if (stale.length === 0 && !removed) return false;
    this.files = new Map([...next.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    this.flat = null;
    this.version++;
    if (this.useCache) await saveCatalogFiles(this.root, this.files.values());
    return true;
  }
}
