import { diffLines } from "diff";

export interface DiffLine {
  /** 1-based line numbers on each side (null on the side the line is not on). */
  a: number | null;
  b: number | null;
  text: string;
}

export type DiffBlock =
  | { type: "same"; lines: DiffLine[] }
  /** An unchanged stretch left out. */
  | { type: "skip"; count: number; fromA: number; fromB: number }
  | { type: "change"; removed: DiffLine[]; added: DiffLine[] };

export type LineDiff =
  { ok: true; blocks: DiffBlock[]; changedLines: number } | { ok: false; reason: string };

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Changed lines beyond which a line diff gives up: the cost grows with lines × changes. */
export const MAX_CHANGED_LINES = 4000;

/**
 * A line diff (jsdiff `diffLines`) as blocks: unchanged stretches longer than twice `context`
 * collapsed to `skip` blocks, removed and added lines of one place grouped into a `change`.
 * Gives up on texts with more than `maxChanged` changed lines (the same answer every time), and
 * after `timeoutMs` whatever happens.
 */
export function lineDiff(
  before: string,
  after: string,
  context = 3,
  maxChanged = MAX_CHANGED_LINES,
  timeoutMs = 5000,
): LineDiff {
  const started = Date.now();
  const parts = diffLines(before, after, { maxEditLength: maxChanged, timeout: timeoutMs });
  if (!parts) {
    const reason =
      Date.now() - started >= timeoutMs
        ? `the line diff took over ${timeoutMs / 1000} s and was stopped`
        : `the two texts differ in more than ${maxChanged.toLocaleString("en-US")} lines: too many for a line diff`;
    return { ok: false, reason };
  }
  const blocks: DiffBlock[] = [];
  let a = 1;
  let b = 1;
  let changedLines = 0;
  let change: Extract<DiffBlock, { type: "change" }> | null = null;
  parts.forEach((part, index) => {
    const lines = splitLines(part.value);
    if (part.added || part.removed) {
      if (!change) {
        change = { type: "change", removed: [], added: [] };
        blocks.push(change);
      }
      for (const text of lines) {
        changedLines++;
        if (part.removed) change.removed.push({ a: a++, b: null, text });
        else change.added.push({ a: null, b: b++, text });
      }
      return;
    }
    change = null;
    const isFirst = index === 0;
    const isLast = index === parts.length - 1;
    const head = isFirst ? 0 : context;
    const tail = isLast ? 0 : context;
    if (lines.length <= head + tail + 1) {
      blocks.push({ type: "same", lines: lines.map((text, i) => ({ a: a + i, b: b + i, text })) });
    } else {
      const keep = (from: number, to: number) =>
        lines.slice(from, to).map((text, i) => ({ a: a + from + i, b: b + from + i, text }));
      if (head > 0) blocks.push({ type: "same", lines: keep(0, head) });
      blocks.push({ type: "skip", count: lines.length - head - tail, fromA: a + head, fromB: b + head });
      if (tail > 0) blocks.push({ type: "same", lines: keep(lines.length - tail, lines.length) });
    }
    a += lines.length;
    b += lines.length;
  });
  return { ok: true, blocks, changedLines };
}

function blockLines(block: DiffBlock): number {
  if (block.type === "skip") return 0;
  if (block.type === "same") return block.lines.length;
  return block.removed.length + block.added.length;
}

/**
 * The first blocks up to `maxLines` shown lines (a long change is cut), and how many diff lines
 * were left out.
 */
export function capBlocks(
  blocks: readonly DiffBlock[],
  maxLines: number,
): { blocks: DiffBlock[]; hiddenLines: number } {
  const shown: DiffBlock[] = [];
  let room = maxLines;
  let hidden = 0;
  let cut = false;
  for (const block of blocks) {
    const lines = blockLines(block);
    if (cut) {
      hidden += lines;
    } else if (lines <= room) {
      shown.push(block);
      room -= lines;
    } else if (room > 0 && block.type === "change") {
      // Both sides of the cut change keep some lines: a half each, or what the other leaves.
      const keepRemoved = Math.min(
        block.removed.length,
        Math.max(room - block.added.length, Math.ceil(room / 2)),
      );
      const removed = block.removed.slice(0, keepRemoved);
      const added = block.added.slice(0, room - removed.length);
      shown.push({ type: "change", removed, added });
      hidden += lines - removed.length - added.length;
      cut = true;
    } else if (room > 0 && block.type === "same") {
      shown.push({ type: "same", lines: block.lines.slice(0, room) });
      hidden += lines - room;
      cut = true;
    } else {
      hidden += lines;
      cut = true;
    }
  }
  return { blocks: shown, hiddenLines: hidden };
}
