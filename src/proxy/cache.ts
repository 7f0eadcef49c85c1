import { Lru } from './internal/lru.js';
import { MarkerTable } from './internal/markers.js';

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
 * The guard of one cached answer against a read that was in flight while the video changed:
 * the marker it was read under, to compare at write time. See {@link ProxyStore.setIfMarker}.
 */
export interface MarkerGuard {
  /** The marker's key. */
  key: string;
  /** What {@link ProxyStore.readMarker} returned before the read's upstream call. */
  token: string;
}

/**
 * Where the proxy keeps cached responses, rate-limit counters and the markers that keep a stopped
 * video's old state out of the cache. The default is {@link createMemoryStore}; `createRedisStore`
 * (`contentstats-kit/proxy/redis`) shares them between several proxy instances. Values are
 * strings, keys are short ASCII strings that never contain a token or the API key. Every
 * operation may reject (a shared store that cannot be reached): the proxy then answers
 * 503 `store_unavailable`, and lets no request through unlimited.
 *
 * The three marker operations are optional (implement all three or none): without them the proxy
 * keeps markers with `get`/`set`, which is a read-then-write race between instances.
 */
export interface ProxyStore {
  /** The value stored under `key`, or `undefined` when absent or expired. */
  get(key: string): MaybePromise<string | undefined>;
  /** Stores `value` for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): MaybePromise<void>;
  delete(key: string): MaybePromise<void>;
  /**
   * Adds one to the counter `key`, atomically. A window starts with the first hit and lasts
   * `windowMs` (Redis: `INCR`, `PEXPIRE` when the key has no expiry yet, and `PTTL` for
   * `resetAt`, in one script).
   */
  increment(key: string, windowMs: number): MaybePromise<CounterState>;
  /**
   * A token for the marker `key` as it is now, kept at least `ttlMs`. Any later
   * {@link ProxyStore.changeMarker}, and any loss of the marker (expiry, eviction, a restarted
   * store), must make {@link ProxyStore.setIfMarker} with this token refuse. (Redis: the value,
   * created at random when absent, in one script.)
   */
  readMarker?(key: string, ttlMs: number): MaybePromise<string>;
  /** Gives the marker `key` a new value that no earlier token equals, for `ttlMs`. */
  changeMarker?(key: string, ttlMs: number): MaybePromise<void>;
  /**
   * Atomically: stores `value` under `key` for `ttlMs` only if the marker `guard.key` still has
   * the token `guard.token`. Resolves `true` when stored.
   */
  setIfMarker?(key: string, value: string, ttlMs: number, guard: MarkerGuard): MaybePromise<boolean>;
}

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Most cached responses kept; the least recently used go first. @defaultValue 500 */
  maxEntries?: number;
  /** Most rate-limit counters kept (one per token subject or client address). @defaultValue 10000 */
  maxCounters?: number;
  /**
   * Most markers kept (one per video stopped within the last `timeoutMs` + 60 s). Markers live
   * apart from the cached responses, so caching never evicts one. Past this many, the oldest
   * goes and every read then in flight keeps nothing (never a stale copy). @defaultValue 10000
   */
  maxMarkers?: number;
}

/**
 * The default {@link ProxyStore}: bounded maps in this process, one each for cached responses
 * and counters (least recently used first out) and one for markers, so the markers are never
 * evicted to make room for the responses they guard.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ProxyStore {
  const values = new Lru<string>(options.maxEntries ?? 500);
  const counters = new Lru<CounterState>(options.maxCounters ?? 10_000);
  const markers = new MarkerTable(options.maxMarkers ?? 10_000);
  return {
    get: (key) => values.get(key, Date.now()),
    set: (key, value, ttlMs) => values.set(key, value, Date.now() + ttlMs),
    delete: (key) => values.delete(key),
    readMarker: (key) => markers.token(key, Date.now()),
    changeMarker: (key, ttlMs) => markers.change(key, ttlMs, Date.now()),
    setIfMarker(key, value, ttlMs, guard) {
      const now = Date.now();
      if (markers.token(guard.key, now) !== guard.token) return false;
      values.set(key, value, now + ttlMs);
      return true;
    },
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
