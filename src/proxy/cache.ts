import { Lru } from './internal/lru.js';

/** A value or a promise of it: in-memory stores answer at once, shared stores asynchronously. */
export type MaybePromise<T> = T | Promise<T>;

/** A fixed-window counter after one increment. */
export interface CounterState {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the window ends (ms since epoch). */
  resetAt: number;
}

/**
 * Where the proxy keeps cached responses and rate-limit counters. The default is
 * {@link createMemoryStore}; implement this over Redis, Memcached, a KV namespace… to share
 * the cache and the limits between several proxy instances. Values are strings, keys are
 * short ASCII strings that never contain a token or the API key.
 */
export interface ProxyStore {
  /** The value stored under `key`, or `undefined` when absent or expired. */
  get(key: string): MaybePromise<string | undefined>;
  /** Stores `value` for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): MaybePromise<void>;
  delete(key: string): MaybePromise<void>;
  /**
   * Adds one to the counter `key`. A window starts with the first hit and lasts `windowMs`
   * (Redis: `INCR` then `PEXPIRE key windowMs NX`, and `PTTL` for `resetAt`).
   */
  increment(key: string, windowMs: number): MaybePromise<CounterState>;
}

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Most cached responses kept; the least recently used go first. @defaultValue 500 */
  maxEntries?: number;
  /** Most rate-limit counters kept (one per token subject or client address). @defaultValue 10000 */
  maxCounters?: number;
}

/** The default {@link ProxyStore}: two bounded LRU maps in this process. */
export function createMemoryStore(options: MemoryStoreOptions = {}): ProxyStore {
  const values = new Lru<string>(options.maxEntries ?? 500);
  const counters = new Lru<CounterState>(options.maxCounters ?? 10_000);
  return {
    get: (key) => values.get(key, Date.now()),
    set: (key, value, ttlMs) => values.set(key, value, Date.now() + ttlMs),
    delete: (key) => values.delete(key),
    increment(key, windowMs) {
      const now = Date.now();
      const current = counters.get(key, now);
      const next = current
        ? { count: current.count + 1, resetAt: current.resetAt }
        : { count: 1, resetAt: now + windowMs };
      counters.set(key, next, next.resetAt);
      return next;
    },
  };
}

/**
 * Cache settings of `GET /api/v1/videos/{id}`. A video is fresh for as long as the API's
 * `Cache-Control: max-age` says; when the API sends none, until its next snapshot can exist
 * (last `snapshot_time` + `snapshotIntervalSeconds` + `graceSeconds`), measured on the API's
 * clock (its `Date` header), within [`minTtlSeconds`, `maxTtlSeconds`]. The browser is told the
 * same (`Cache-Control: private, max-age=N` with the time left, and the API's `Date`).
 */
export interface CacheOptions {
  /** Time between two snapshots of a video, in seconds (used without the API's `max-age`). @defaultValue 3600 */
  snapshotIntervalSeconds?: number;
  /** Added to the expected time of the next snapshot, in seconds. @defaultValue 5 */
  graceSeconds?: number;
  /**
   * Shortest cache lifetime without the API's `max-age`, in seconds (a late snapshot is not
   * polled for faster; also the lifetime when the API sends no `Date`). @defaultValue 5
   */
  minTtlSeconds?: number;
  /**
   * Longest cache lifetime of a video still being tracked, in seconds. Set, it also caps the
   * API's own `max-age`. @defaultValue snapshotIntervalSeconds + graceSeconds
   */
  maxTtlSeconds?: number;
  /** Cache lifetime of a `completed` or `stopped` video without the API's `max-age`, in seconds. @defaultValue 86400 */
  finalTtlSeconds?: number;
  /**
   * Cache lifetime of a 404 for a video id, in seconds, so probing ids cannot spend the API's
   * rate limit on repeats; `0` keeps none. A video tracked through this proxy drops its 404 at once.
   * @defaultValue 30
   */
  notFoundTtlSeconds?: number;
}
