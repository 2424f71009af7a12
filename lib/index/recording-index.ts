import { stat } from "node:fs/promises";
import { realpath } from "node:fs/promises";
import { relative } from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { LRUCache } from "lru-cache";
import { discoverRecordings, type DiscoveredFile } from "@/lib/sources/discover";
import { DEFAULT_LIMITS, type ReadLimits } from "@/lib/model/limits";
import { readRecording, type ReadRecording } from "@/lib/recording/read-recording";
import { loadAllowList, notAllowed } from "@/lib/secrets/allow-list";
import { publicFinding, type SecretFinding } from "@/lib/secrets/finding";
import { detectInSource, maskSource } from "@/lib/secrets/masked-source";
import { DerivedCache } from "./derived-cache";
import { countFacets, type Facets } from "./facets";
import { loadSummaries, saveSummaries } from "./persistent-cache";
import { RecordingSearch } from "./search";
import { summarize } from "./summary";
import type { RecordingSummary } from "./summary-schema";

export interface IndexOptions {
  root: string;
  limits?: ReadLimits;
  /** Use the persistent cache (default true). */
  cache?: boolean;
}

export interface RefreshResult {
  added: number;
  changed: number;
  removed: number;
}

export interface OpenedRecording {
  summary: RecordingSummary;
  /** The file as read, every credential in it masked (what every page and the API show). */
  read: ReadRecording;
  /** The credentials found in it that the allow-list does not cover (without their values). */
  secrets: SecretFinding[];
}

const WATCH_DEBOUNCE_MS = 150;
const READ_CONCURRENCY = 8;
/** Views (filtered, searched, sorted lists) kept per state of the tree: the most asked-for ones. */
const VIEW_CACHE_ENTRIES = 64;

/**
 * The recordings under one root: a summary per file in memory, full bodies decoded on demand
 * (bounded LRU), kept fresh by `refresh()` (called by the watcher), cached across restarts.
 * Only files it has indexed can be read through it, so a path from a request can never reach
 * outside the root.
 */
export class RecordingIndex {
  private summaries = new Map<string, RecordingSummary>();
  private searchEngine: RecordingSearch | null = null;
  private readonly bodies: LRUCache<string, OpenedRecording>;
  private watcher: FSWatcher | null = null;
  private refreshing: Promise<RefreshResult> | null = null;
  private refreshAgain = false;
  private watchTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private facetsMemo: { of: Map<string, RecordingSummary>; facets: Facets } | null = null;
  private readonly views = new DerivedCache<readonly RecordingSummary[]>(VIEW_CACHE_ENTRIES);
  /**
   * Candidates that are not recordings (a `package.json`, a CI config), by path, with the size
   * and time they had: not listed, counted, and not read again until they change.
   */
  private skippedFiles = new Map<string, { size: number; mtimeMs: number }>();
  indexedAt = new Date(0);
  /** The fingerprints `.tapedeck-secrets-allow` allows, read again at each refresh. */
  private allowedSecrets: ReadonlySet<string> = new Set();

  private constructor(
    readonly root: string,
    private readonly limits: ReadLimits,
    private readonly useCache: boolean,
  ) {
    this.bodies = new LRUCache({
      maxSize: 256 * 1024 * 1024,
      sizeCalculation: (entry) => Math.max(1, entry.read.size * 4),
    });
  }

  static async open(options: IndexOptions): Promise<RecordingIndex> {
    const root = await realpath(options.root);
    const index = new RecordingIndex(root, options.limits ?? DEFAULT_LIMITS, options.cache ?? true);
    if (index.useCache) index.summaries = await loadSummaries(root);
    await index.refresh();
    return index;
  }

  /** Every summary, sorted by path. */
  list(): RecordingSummary[] {
    return [...this.summaries.values()];
  }

  /** Counts by facet, computed once per change of the tree. */
  facets(): Facets {
    if (this.facetsMemo?.of !== this.summaries) {
      this.facetsMemo = { of: this.summaries, facets: countFacets(this.list()) };
    }
    return this.facetsMemo.facets;
  }

  /**
   * A list derived from the summaries alone (a filtered, searched, sorted view), named by `key`:
   * computed once per state of the tree (see `derive`) and then served as is. Callers must not
   * change it.
   */
  view(key: string, compute: () => readonly RecordingSummary[]): readonly RecordingSummary[] {
    return this.derive(this.views, key, compute);
  }

  /**
   * A value derived from the summaries alone, kept in `cache` until the tree changes: every refresh
   * that changes it replaces the summaries map (and updates the search engine before), and an
   * unchanged tree keeps it.
   */
  derive<T extends NonNullable<unknown>>(cache: DerivedCache<T>, key: string, compute: () => T): T {
    return cache.get(this.summaries, key, compute);
  }

  /** How many credentials a file holds that the allow-list does not cover. */
  secretCount(summary: RecordingSummary): number {
    return (summary.secrets ?? []).filter((print) => !this.allowedSecrets.has(print)).length;
  }

  /** Credentials over every file, and the files that hold one. */
  secretTotals(): { findings: number; files: number } {
    let findings = 0;
    let files = 0;
    for (const summary of this.summaries.values()) {
      const count = this.secretCount(summary);
      findings += count;
      if (count > 0) files++;
    }
    return { findings, files };
  }

  get size(): number {
    return this.summaries.size;
  }

  /** How many candidate files were skipped because they are not recordings. */
  get skipped(): number {
    return this.skippedFiles.size;
  }

  get(relPath: string): RecordingSummary | undefined {
    return this.summaries.get(relPath);
  }

  /** Paths matching a full-text query, best first. */
  search(query: string): string[] {
    return this.searchIndex().search(query);
  }

  /** The search engine, built on first use (a few hundred ms on the corpus). */
  searchIndex(): RecordingSearch {
    this.searchEngine ??= new RecordingSearch(this.summaries.values());
    return this.searchEngine;
  }

  /** Reads and decodes one indexed recording (cached while the file is unchanged). */
  async open(relPath: string): Promise<OpenedRecording | null> {
    const summary = this.summaries.get(relPath);
    if (!summary) return null;
    const path = `${this.root}/${relPath}`;
    const info = await stat(path).catch(() => null);
    const cached = this.bodies.get(relPath);
    if (cached && info && cached.summary.size === info.size && cached.summary.mtimeMs === info.mtimeMs) {
      return cached;
    }
    const read = await readRecording(path, relPath, this.limits);
    // Masked here, once: the pages, the API and the comparisons read recordings through `open`.
    const detected = await detectInSource(read);
    const opened = {
      summary: info ? summarize(relPath, read, read.mtimeMs, detected) : summary,
      read: maskSource(read, detected),
      secrets: notAllowed(detected, this.allowedSecrets).map(publicFinding),
    };
    if (info && read.decoded.ok) this.bodies.set(relPath, opened);
    return opened;
  }

  /** Re-reads the tree: new, changed and removed files. Calls made during a refresh coalesce. */
  refresh(): Promise<RefreshResult> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      let total: RefreshResult = { added: 0, changed: 0, removed: 0 };
      do {
        this.refreshAgain = false;
        const result = await this.refreshOnce();
        total = {
          added: total.added + result.added,
          changed: total.changed + result.changed,
          removed: total.removed + result.removed,
        };
      } while (this.refreshAgain);
      return total;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<RefreshResult> {
    const files = await discoverRecordings(this.root).catch((): DiscoveredFile[] => []);
    const allowed = await loadAllowList(this.root);
    const allowChanged =
      allowed.size !== this.allowedSecrets.size ||
      [...allowed].some((print) => !this.allowedSecrets.has(print));
    this.allowedSecrets = allowed;
    const next = new Map<string, RecordingSummary>();
    const skipped = new Map<string, { size: number; mtimeMs: number }>();
    const result: RefreshResult = { added: 0, changed: 0, removed: 0 };
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const known = this.summaries.get(file.relPath);
        const wasSkipped = this.skippedFiles.get(file.relPath);
        if (known || wasSkipped) {
          const info = await stat(file.path).catch(() => null);
          if (!info) continue;
          if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
            next.set(file.relPath, known);
            continue;
          }
          if (wasSkipped && wasSkipped.size === info.size && wasSkipped.mtimeMs === info.mtimeMs) {
            skipped.set(file.relPath, wasSkipped);
            continue;
          }
        }
        const read = await readRecording(file.path, file.relPath, this.limits);
        if (!read.decoded.ok && read.decoded.kind === "missing") continue;
        if (!read.decoded.ok && !read.decoded.startsLikeRecording && !file.inRecordingFolder) {
          skipped.set(file.relPath, { size: read.size, mtimeMs: read.mtimeMs });
          continue;
        }
        next.set(file.relPath, summarize(file.relPath, read, read.mtimeMs, await detectInSource(read)));
        if (known) result.changed++;
        else result.added++;
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    for (const relPath of this.summaries.keys()) if (!next.has(relPath)) result.removed++;
    this.skippedFiles = skipped;

    const sorted = new Map([...next.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (this.searchEngine) {
      for (const relPath of this.summaries.keys())
        if (!sorted.has(relPath)) this.searchEngine.remove(relPath);
      for (const [relPath, summary] of sorted) {
        if (this.summaries.get(relPath) !== summary) this.searchEngine.upsert(summary);
      }
    }
    // An unchanged tree keeps the same map, so what is derived from it (facets) stays cached.
    if (result.added || result.changed || result.removed) this.summaries = sorted;
    // A new allow-list changes the counts: a new map makes what is derived from it recomputed.
    else if (allowChanged) this.summaries = new Map(this.summaries);
    this.indexedAt = new Date();
    if (this.useCache && (result.added || result.changed || result.removed)) {
      // Written in the background: serving does not wait for the cache.
      const snapshot = [...this.summaries.values()];
      this.saving = this.saving.then(() => saveSummaries(this.root, snapshot));
    }
    return result;
  }

  /** Watches the root; changes show up after a short debounce. */
  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.root, {
      ignoreInitial: true,
      followSymlinks: false,
      // Tested below the root only: a root that itself lies under a `.git` or `node_modules`
      // folder is still watched.
      ignored: (path) => /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(relative(this.root, path)),
    });
    const schedule = () => {
      if (this.watchTimer) clearTimeout(this.watchTimer);
      this.watchTimer = setTimeout(() => {
        this.watchTimer = null;
        void this.refresh();
      }, WATCH_DEBOUNCE_MS);
    };
    this.watcher.on("all", schedule);
    // Files written while the watcher was starting raise no event: look once it is ready.
    this.watcher.on("ready", schedule);
    this.watcher.on("error", () => {
      // A vanished folder or a permission error must not stop the server; the next event retries.
    });
  }

  async close(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close();
    // No event can arrive now: drop a pending refresh and let one in flight finish, so nothing
    // (the cache file) is written after close.
    if (this.watchTimer) clearTimeout(this.watchTimer);
    this.watchTimer = null;
    await this.refreshing;
    await this.saving;
  }
}
