import { LRUCache } from "lru-cache";

/**
 * Values derived from one state of an index (a sorted view, a page of rendered rows), by key:
 * kept until the state changes, then dropped all at once. `RecordingIndex.derive` gives the state.
 */
export class DerivedCache<T extends NonNullable<unknown>> {
  private state: object | null = null;
  private readonly entries: LRUCache<string, T>;

  constructor(maxEntries: number) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  /** The value of `key` for `state`, computed on first use. */
  get(state: object, key: string, compute: () => T): T {
    if (this.state !== state) {
      this.entries.clear();
      this.state = state;
    }
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute();
      this.entries.set(key, value);
    }
    return value;
  }
}
