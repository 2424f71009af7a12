import { realpath, stat } from "node:fs/promises";
import { discoverRecordings, type DiscoveredFile } from "@/lib/sources/discover";
import { DEFAULT_LIMITS, type ReadLimits } from "@/lib/model/limits";
import { readRecording, readRecordingNow, type ReadRecording } from "@/lib/recording/read-recording";
import { loadAllowList } from "@/lib/secrets/allow-list";
import type { DetectedSecret } from "@/lib/secrets/finding";
import { detectInSource } from "@/lib/secrets/masked-source";
import { BodyCache, slowToDecode, worthKeeping, type CachedBody } from "./body-cache";
import { DerivedCache } from "./derived-cache";
import { openedRecording, type OpenedRecording } from "./opened-recording";
import { sameState, statOrNull, type FileState } from "./file-state";
import { countFacets, type Facets } from "./facets";
import { loadSummaries, saveSummaries } from "./persistent-cache";
import { RootWatcher } from "./root-watcher";
import { RecordingSearch } from "./search";
import {
  isScanned,
  sameSet,
  scanForSecrets,
  scanInBatches,
  secretTotals,
  unallowedCount,
  type Scanned,
} from "./secret-scan";
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

const READ_CONCURRENCY = 8;
/** The memory (see `decodedSize`) decoded bodies may hold, and apart those slow to decode. */
const BODY_CACHE_BYTES = 256 * 1024 * 1024;
const SLOW_BODY_CACHE_BYTES = 512 * 1024 * 1024;
/** Views (filtered, searched, sorted lists) kept per state of the tree: the most asked-for ones. */
const VIEW_CACHE_ENTRIES = 64;

/**
 * The recordings under one root: a summary per file in memory, full bodies decoded on demand
 * (bounded), kept fresh by `refresh()` (called by the watcher), cached across restarts. Only
 * files it has indexed can be read through it: a path from a request never reaches outside the root.
 */
export class RecordingIndex {
  private summaries = new Map<string, RecordingSummary>();
  private searchEngine: RecordingSearch | null = null;
  private readonly bodies = new BodyCache(BODY_CACHE_BYTES, SLOW_BODY_CACHE_BYTES);
  private watcher: RootWatcher | null = null;
  private refreshing: Promise<RefreshResult> | null = null;
  private refreshAgain = false;
  private saving: Promise<void> = Promise.resolve();
  private facetsMemo: { of: Map<string, RecordingSummary>; facets: Facets } | null = null;
  private readonly views = new DerivedCache<readonly RecordingSummary[]>(VIEW_CACHE_ENTRIES);
  /**
   * Candidates that are not recordings (a `package.json`, a CI config), by path, with the size
   * and time they had: not listed, counted, and not read again until they change.
   */
  private skippedFiles = new Map<string, FileState>();
  indexedAt = new Date(0);
  /** The fingerprints `.tapedeck-secrets-allow` allows, read again at each refresh. */
  private allowedSecrets: ReadonlySet<string> = new Set();
  /** The background credentials scan in flight (see `secretsScanned`). */
  private scanning: Promise<void> | null = null;
  /** Files being opened (see `open`). */
  private readonly opening = new Map<string, Promise<OpenedRecording | null>>();
  /** The background work after a refresh: the scan, then opening the files slow to decode. */
  private warming: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly root: string,
    private readonly limits: ReadLimits,
    private readonly useCache: boolean,
  ) {}

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

  /**
   * How many credentials a file holds that the allow-list does not cover; null while the
   * background scan has not reached it (see `secretsScanned`).
   */
  secretCount(summary: RecordingSummary): number | null {
    return unallowedCount(summary, this.allowedSecrets);
  }

  /** True once every indexed file has been scanned for credentials. */
  get secretsKnown(): boolean {
    for (const summary of this.summaries.values()) if (!isScanned(summary)) return false;
    return true;
  }

  /** Credentials over every file, and the files that hold one (after the scan: never a partial count). */
  async secretTotals(): Promise<{ findings: number; files: number }> {
    await this.secretsScanned();
    return secretTotals(this.summaries.values(), this.allowedSecrets);
  }

  /**
   * Resolves once every indexed file has been scanned for credentials. Indexing does not scan
   * (it would cost half again the time of reading and parsing): the scan runs after each refresh,
   * in the background, and what needs its counts awaits this.
   */
  async secretsScanned(): Promise<void> {
    while (!this.closed) {
      await this.refreshing;
      if (this.secretsKnown) return;
      await this.scanSecrets();
    }
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

  /**
   * Reads and decodes one indexed recording (cached while the file is unchanged). Calls for a file
   * being opened share that opening (a page of a file the background is opening waits for it).
   */
  open(relPath: string): Promise<OpenedRecording | null> {
    const pending = this.opening.get(relPath);
    if (pending) return pending;
    const opening = this.openNow(relPath).finally(() => this.opening.delete(relPath));
    this.opening.set(relPath, opening);
    return opening;
  }

  private async openNow(relPath: string): Promise<OpenedRecording | null> {
    const summary = this.summaries.get(relPath);
    if (!summary) return null;
    const path = `${this.root}/${relPath}`;
    const info = await stat(path).catch(() => null);
    const cached = this.bodies.get(relPath);
    const fresh = (read: FileState) => info !== null && sameState(read, info);
    if (cached && "opened" in cached && fresh(cached.opened.summary)) return cached.opened;
    const indexed = cached && "indexed" in cached && fresh(cached.indexed) ? cached.indexed : null;
    const read = indexed ?? (await readRecording(path, relPath, this.limits));
    // Masked here, once: the pages, the API and the comparisons read recordings through `open`.
    const keep = !info || (isScanned(summary) && fresh(summary));
    const opened = openedRecording(summary, read, await detectInSource(read), this.allowedSecrets, keep);
    if (info && read.decoded.ok) this.bodies.set(relPath, { opened });
    return opened;
  }

  /** The read indexing kept of a file, while the file is as indexed (see `worthKeeping`). */
  private indexedRead(summary: RecordingSummary): ReadRecording | null {
    const cached: CachedBody | undefined = this.bodies.get(summary.relPath);
    if (!cached || !("indexed" in cached)) return null;
    const { indexed } = cached;
    return sameState(indexed, summary) ? indexed : null;
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
      // After the caller's turn (the first page, the command), not before it.
      setImmediate(() => {
        if (!this.closed) this.warming = this.scanSecrets().then(() => this.openSlowFiles());
      });
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<RefreshResult> {
    const files = await discoverRecordings(this.root).catch((): DiscoveredFile[] => []);
    const allowed = await loadAllowList(this.root);
    const allowChanged = !sameSet(allowed, this.allowedSecrets);
    this.allowedSecrets = allowed;
    const next = new Map<string, RecordingSummary>();
    const skipped = new Map<string, FileState>();
    const result: RefreshResult = { added: 0, changed: 0, removed: 0 };
    const queue = [...files];
    // After the first indexing, new and changed files are scanned at once (their excerpts never show
    // unmasked); the first leaves the scan to the background. Small files are read in place.
    const inline = this.summaries.size > 0;
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const known = this.summaries.get(file.relPath);
        const wasSkipped = this.skippedFiles.get(file.relPath);
        if (known || wasSkipped) {
          const info = statOrNull(file.path);
          if (!info) continue;
          if (known && sameState(known, info)) {
            next.set(file.relPath, known);
            continue;
          }
          if (wasSkipped && sameState(wasSkipped, info)) {
            skipped.set(file.relPath, wasSkipped);
            continue;
          }
        }
        const now = readRecordingNow(file.path, file.relPath, this.limits);
        const read = now instanceof Promise ? await now : now; // summarized before the next is read
        if (!read.decoded.ok && read.decoded.kind === "missing") continue;
        if (!read.decoded.ok && !read.decoded.startsLikeRecording && !file.inRecordingFolder) {
          skipped.set(file.relPath, { size: read.size, mtimeMs: read.mtimeMs });
          continue;
        }
        next.set(
          file.relPath,
          summarize(file.relPath, read, read.mtimeMs, inline ? await detectInSource(read) : undefined),
        );
        if (worthKeeping(read)) this.bodies.set(file.relPath, { indexed: read });
        result[known ? "changed" : "added"]++;
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
    if (result.added || result.changed || result.removed) this.saveCache();
    return result;
  }

  /** Writes the summaries in the background: serving does not wait for the cache. */
  private saveCache(): void {
    if (!this.useCache) return;
    const snapshot = [...this.summaries.values()];
    this.saving = this.saving.then(() => saveSummaries(this.root, snapshot));
  }

  /** Opens in the background the files slow to decode that are not in the cache (after a restart). */
  private async openSlowFiles(): Promise<void> {
    for (const summary of this.summaries.values()) {
      if (this.closed) return;
      if (slowToDecode(summary.interactions.length) && !this.bodies.has(summary.relPath)) {
        await this.open(summary.relPath);
      }
    }
  }

  /** Scans every file not scanned yet for credentials (one pass at a time; calls join it). */
  private scanSecrets(): Promise<void> {
    this.scanning ??= this.scanPass().finally(() => {
      this.scanning = null;
    });
    return this.scanning;
  }

  private async scanPass(): Promise<void> {
    const queue = [...this.summaries.values()].filter((summary) => !isScanned(summary));
    if (queue.length === 0) return;
    await scanInBatches(
      queue,
      (summary, memo) => {
        // A file that takes seconds to decode is opened now, not on its first page.
        const open = (read: ReadRecording, detected: DetectedSecret[]) => {
          if (worthKeeping(read))
            this.bodies.set(summary.relPath, {
              opened: openedRecording(summary, read, detected, this.allowedSecrets, false),
            });
        };
        return scanForSecrets(this.root, summary, this.limits, this.indexedRead(summary), open, memo);
      },
      (batch) => this.putScanned(batch),
      () => this.closed,
    );
    this.saveCache();
  }

  /**
   * Puts scanned summaries in place (one a refresh replaced meanwhile is left to the next pass). A
   * file without credentials keeps its summary, marked scanned in place: nothing derived changes.
   */
  private putScanned(scanned: Scanned[]): void {
    let next: Map<string, RecordingSummary> | null = null;
    for (const { before, after } of scanned) {
      if (this.summaries.get(before.relPath) !== before) continue;
      if (after === null) {
        before.secrets = [];
        continue;
      }
      next ??= new Map(this.summaries);
      next.set(before.relPath, after);
      this.searchEngine?.upsert(after);
    }
    // A new map: what is derived from the summaries (counts, views, excerpts) is computed again.
    if (next) this.summaries = next;
  }

  /** Watches the root; changes show up after a short debounce. */
  watch(): void {
    this.watcher ??= new RootWatcher(this.root, () => void this.refresh());
  }

  /** Resolves when the work a refresh leaves to the background (scan, slow files) is done. */
  async idle(): Promise<void> {
    await this.refreshing;
    await new Promise((done) => setImmediate(done)); // the work starts on the turn after a refresh
    await this.warming;
  }

  async close(): Promise<void> {
    this.closed = true;
    const watcher = this.watcher;
    this.watcher = null;
    // No event can arrive now, a pending refresh is dropped: let one in flight finish, so
    // nothing (the cache file) is written after close.
    await watcher?.close();
    await this.refreshing;
    await this.scanning;
    await this.warming;
    await this.saving;
  }
}
