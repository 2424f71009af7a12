import { lintLines, type LineFindings } from "./secretlint-run";

/** Lines waiting for one run of the preset, then its answers. */
interface Batch {
  lines: string[];
  characters: number;
  answers: Map<string, LineFindings>;
  /** Settles once the batch has been linted (rejects as the run did). */
  linted: Promise<void>;
  settle: (error?: unknown) => void;
  started: boolean;
}

/** Lines longer than this are not kept (they rarely repeat). */
const MEMO_LINE = 2_000;
/** A memo holding this many lines starts over. */
const MEMO_LINES = 200_000;
/** A batch holding this many characters is linted at once, without waiting for more. */
const BATCH_CHARACTERS = 256 * 1024;

/**
 * The preset's findings by line, kept across files (a review's, a scan's): a line met again (a
 * header, a model name, a request repeated from the base side) is not linted again. The new lines
 * of the files being read together are linted in one run: setting a run up costs about as much as
 * linting a few KB, and a scan reads thousands of small files. A batch runs once every reader that
 * joined it waits (the next turn of the event loop), or as soon as it holds `BATCH_CHARACTERS`.
 */
export class SecretlintMemo {
  private readonly known: Map<string, LineFindings>;
  /** The batch new lines join; null until one does. */
  private open: Batch | null = null;
  /** Lines queued or being linted, by their batch. */
  private readonly pending = new Map<string, Batch>();

  constructor(known: Iterable<readonly [string, LineFindings]> = []) {
    this.known = new Map(known);
  }

  /** How many lines the memo holds. */
  get size(): number {
    return this.known.size;
  }

  /** What the memo holds for `line`, if anything. */
  findings(line: string): LineFindings | undefined {
    return this.known.get(line);
  }

  /**
   * The findings of every line, each line linted at most once: answered from the memo, or by
   * the run of the batch it joins (now, synchronously: a reader that calls `lintNow` next has its
   * lines in the batch it starts).
   */
  async answers(lines: readonly string[]): Promise<Map<string, LineFindings>> {
    const out = new Map<string, LineFindings>();
    const from = new Map<string, Batch>();
    for (const line of lines) {
      const known = this.known.get(line);
      if (known) {
        out.set(line, known);
        continue;
      }
      let batch = this.pending.get(line);
      if (!batch) {
        batch = this.open ?? this.openBatch();
        batch.lines.push(line);
        batch.characters += line.length;
        this.pending.set(line, batch);
        if (batch.characters >= BATCH_CHARACTERS) this.run(batch);
      }
      from.set(line, batch);
    }
    if (from.size === 0) return out;
    await Promise.all([...new Set(from.values())].map((batch) => batch.linted));
    for (const [line, batch] of from) out.set(line, batch.answers.get(line) ?? []);
    return out;
  }

  /** Lints the open batch now, without waiting for other readers. */
  lintNow(): void {
    if (this.open) this.run(this.open);
  }

  private openBatch(): Batch {
    let settle: (error?: unknown) => void = () => {};
    const linted = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    const batch: Batch = { lines: [], characters: 0, answers: new Map(), linted, settle, started: false };
    this.open = batch;
    setImmediate(() => this.run(batch));
    return batch;
  }

  private run(batch: Batch): void {
    if (batch.started) return;
    batch.started = true;
    if (this.open === batch) this.open = null;
    lintLines(batch.lines).then(
      (found) => {
        batch.lines.forEach((line, i) => {
          const findings = found[i] ?? [];
          batch.answers.set(line, findings);
          this.pending.delete(line);
          this.remember(line, findings);
        });
        batch.settle();
      },
      (error: unknown) => {
        for (const line of batch.lines) this.pending.delete(line);
        batch.settle(error ?? new Error("secretlint failed"));
      },
    );
  }

  private remember(line: string, findings: LineFindings): void {
    if (line.length > MEMO_LINE) return;
    if (this.known.size >= MEMO_LINES) this.known.clear();
    this.known.set(line, findings);
  }
}
