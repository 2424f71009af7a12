import { LRUCache } from "lru-cache";
import type { ReadRecording } from "@/lib/recording/read-recording";
import type { OpenedRecording } from "./opened-recording";

/**
 * What the cache holds of a file: its opened form (masked, as pages show it), or the read that
 * indexing decoded, kept so that the first `open` (and the credentials scan) need not decode the
 * file again; it is scanned and masked when opened.
 */
export type CachedBody = { opened: OpenedRecording } | { indexed: ReadRecording };

/** Bytes of memory per character of the text: the text itself, and the strings decoded from it. */
const PER_CHARACTER = 3;
/** Bytes of memory per interaction: its objects (envelope, exchange, HTTP details, messages). */
const PER_INTERACTION = 2500;

/**
 * The memory a decoded file holds, estimated from its text and its interactions (fitted on
 * heap snapshots: a 34 MB cassette of 100,000 small interactions holds 336 MB; a 1 MB cassette
 * of one image call, 3.3 MB; a llama-stack JSON file, 2 to 3 times its size).
 */
export function decodedSize(read: ReadRecording): number {
  const interactions = read.decoded.ok ? read.decoded.file.interactions.length : 0;
  return PER_CHARACTER * (read.text?.length ?? read.size) + PER_INTERACTION * interactions;
}

/**
 * A file indexing decoded is kept when decoding it again would take seconds: the 100,000
 * interactions of a hostile cassette took 12 s to open again after indexing. The time goes into
 * the interactions (an envelope, an exchange and HTTP details each), not the bytes: one 50 MB body
 * decodes again in a blink, and keeping it would only push the slow ones out of the cache. Other
 * files are not kept: keeping them would grow the heap while indexing.
 */
const KEEP_INDEXED_FROM = 10_000;

/** Whether a file of this many interactions takes long enough to decode to be kept decoded. */
export function slowToDecode(interactions: number): boolean {
  return interactions >= KEEP_INDEXED_FROM;
}

export function worthKeeping(read: ReadRecording): boolean {
  return read.decoded.ok && slowToDecode(read.decoded.file.interactions.length);
}

function lru(maxBytes: number): LRUCache<string, CachedBody> {
  return new LRUCache<string, CachedBody>({
    maxSize: maxBytes,
    sizeCalculation: (body) => Math.max(1, decodedSize(readOf(body))),
  });
}

const readOf = (body: CachedBody): ReadRecording => ("opened" in body ? body.opened.read : body.indexed);

/**
 * The bodies of opened files, bounded by their estimated memory, in two parts: the files slow to
 * decode (`worthKeeping`) have their own budget, so that browsing many quick files (or a few
 * large ones) never pushes out a file that takes seconds to decode again.
 */
export class BodyCache {
  private readonly quick: LRUCache<string, CachedBody>;
  private readonly slow: LRUCache<string, CachedBody>;

  constructor(quickBytes: number, slowBytes: number) {
    this.quick = lru(quickBytes);
    this.slow = lru(slowBytes);
  }

  get(relPath: string): CachedBody | undefined {
    return this.slow.get(relPath) ?? this.quick.get(relPath);
  }

  has(relPath: string): boolean {
    return this.slow.has(relPath) || this.quick.has(relPath);
  }

  set(relPath: string, body: CachedBody): void {
    const [into, other] = worthKeeping(readOf(body)) ? [this.slow, this.quick] : [this.quick, this.slow];
    other.delete(relPath);
    into.set(relPath, body);
  }

  /** The paths held, the slow files' first. */
  keys(): string[] {
    return [...this.slow.keys(), ...this.quick.keys()];
  }
}
