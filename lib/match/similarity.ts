/** Weighted tokens of a request: its leaves (`path=value`), its shape, and the words of its text. */
export interface Features {
  weights: Map<string, number>;
  /** The sum of the weights. */
  total: number;
}

/** Strings at least this long also count by their words, so a small edit keeps most of the weight. */
const WORDY = 24;
/** Words are taken from the start of a long string only: enough to tell requests apart. */
const WORD_CHARS = 4000;
const MAX_WORDS = 300;
const WORD = /[\p{L}\p{N}_]{2,}/gu;

/** A short, stable stand-in for a long value (FNV-1a). */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}:${text.length}`;
}

class Builder {
  readonly weights = new Map<string, number>();
  total = 0;

  add(key: string, weight: number): void {
    this.weights.set(key, (this.weights.get(key) ?? 0) + weight);
    this.total += weight;
  }

  // Paths are built as strings on the way down: a request has thousands of leaves.
  walk(value: unknown, path: string): void {
    if (Array.isArray(value)) {
      this.add(`p:${path}[]`, 0.25);
      for (let i = 0; i < value.length; i++) this.walk(value[i], `${path}[${i}]`);
      return;
    }
    if (typeof value === "object" && value !== null) {
      let empty = true;
      for (const [key, item] of Object.entries(value)) {
        empty = false;
        this.walk(item, path === "" ? key : `${path}.${key}`);
      }
      if (empty) this.add(`v:${path}={}`, 1);
      return;
    }
    this.add(`p:${path}`, 0.25);
    if (typeof value !== "string") {
      this.add(`v:${path}=${String(value)}`, 1);
      return;
    }
    this.add(`v:${path}=${value.length > 64 ? digest(value) : value}`, 1);
    if (value.length < WORDY) return;
    const words = new Set<string>();
    for (const match of value.slice(0, WORD_CHARS).toLowerCase().matchAll(WORD)) {
      words.add(match[0]);
      if (words.size >= MAX_WORDS) break;
    }
    for (const word of words) this.add(`w:${path}:${word}`, 1 / words.size);
  }
}

/** The features of a request object (the fields its recorder matches on). */
export function requestFeatures(value: unknown): Features {
  const builder = new Builder();
  builder.walk(value, "");
  return { weights: builder.weights, total: builder.total };
}

/** Weighted Jaccard similarity of two feature sets: 1 for equal requests, 0 for nothing shared. */
export function similarity(a: Features, b: Features): number {
  const [small, large] = a.weights.size <= b.weights.size ? [a.weights, b.weights] : [b.weights, a.weights];
  let shared = 0;
  for (const [key, weight] of small) {
    const other = large.get(key);
    if (other !== undefined) shared += Math.min(weight, other);
  }
  const union = a.total + b.total - shared;
  return union === 0 ? 1 : shared / union;
}
