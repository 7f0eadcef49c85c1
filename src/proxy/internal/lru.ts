/** A bounded map that forgets the least recently used entry first; entries also expire. */
export class Lru<TValue> {
  readonly #max: number;
  readonly #entries = new Map<string, { value: TValue; expiresAt: number; stamp: number }>();
  /** Counts insertions; an entry stamped with the latest is already the most recently used. */
  #tick = 0;

  constructor(maxEntries: number) {
    this.#max = Math.max(1, Math.floor(maxEntries));
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, now: number): TValue | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    // re-insert: a Map iterates in insertion order, so the first key is the least recently used;
    // one inserted last is already where a re-insert would put it (a hot key skips the Map churn)
    if (entry.stamp !== this.#tick) {
      this.#entries.delete(key);
      entry.stamp = ++this.#tick;
      this.#entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: string, value: TValue, expiresAt: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt, stamp: ++this.#tick });
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
