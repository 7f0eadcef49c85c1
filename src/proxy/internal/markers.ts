/**
 * The in-memory store's markers (a video's generation, changed by a stop): kept apart from the
 * cached answers they guard, so filling the cache never evicts one. A marker is a token a read
 * takes before its upstream call and compares before it keeps the answer; losing a marker early
 * must make that comparison fail, never pass.
 */
export class MarkerTable {
  readonly #max: number;
  readonly #markers = new Map<string, { value: string; expiresAt: number }>();
  /** Moves whenever a live marker is dropped to stay within `max`: every token of an absent marker changes with it. */
  #dropped = 0;

  constructor(maxMarkers: number) {
    this.#max = Math.max(1, Math.floor(maxMarkers));
  }

  get size(): number {
    return this.#markers.size;
  }

  /** The marker's token now: its value, or for an absent one a token that changes if a marker is ever dropped. */
  token(key: string, now: number): string {
    const marker = this.#markers.get(key);
    if (marker !== undefined && marker.expiresAt > now) return marker.value;
    if (marker !== undefined) this.#markers.delete(key);
    return `absent:${this.#dropped}`;
  }

  /** Gives the marker a new random value for `ttlMs`. */
  change(key: string, ttlMs: number, now: number): void {
    this.#markers.delete(key);
    this.#markers.set(key, { value: globalThis.crypto.randomUUID(), expiresAt: now + ttlMs });
    if (this.#markers.size <= this.#max) return;
    // expired markers go first; they guard nothing any more
    for (const [name, marker] of this.#markers) if (marker.expiresAt <= now) this.#markers.delete(name);
    while (this.#markers.size > this.#max) {
      const oldest = this.#markers.keys().next();
      if (oldest.done) break;
      this.#markers.delete(oldest.value);
      // a read holding this marker's token, or the absent token, now finds another: it keeps nothing
      this.#dropped++;
    }
  }
}
