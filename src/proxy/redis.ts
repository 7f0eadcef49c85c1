import type { CounterState, MarkerGuard, ProxyStore } from './cache.js';

/**
 * The Redis commands {@link createRedisStore} sends, typed by shape: an `ioredis` client (or
 * `Cluster`) fits as it is; wrap another client (`redis`/node-redis) in these four methods.
 */
export interface RedisStoreClient {
  get(key: string): Promise<string | null>;
  /** `SET key value PX ttlMs`. */
  set(key: string, value: string, px: 'PX', ttlMs: number): Promise<unknown>;
  del(key: string): Promise<unknown>;
  /** `EVAL script numKeys ...keysThenArgs`. */
  eval(script: string, numKeys: number, ...keysThenArgs: (string | number)[]): Promise<unknown>;
}

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions {
  /** Put before every key, so the proxy's keys stay apart from the rest of the database. @defaultValue 'contentstats:' */
  prefix?: string;
  /**
   * Longest wait for one operation, in ms; past it the operation rejects and the proxy answers
   * 503 `store_unavailable`, whatever the client's own settings (with ioredis's defaults a
   * command waits through 20 reconnection attempts). @defaultValue 1000
   */
  timeoutMs?: number;
}

// INCR, an expiry when the key has none yet (its first hit), and the time left: one atomic step
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

// the marker's value, created with the given random one when absent: a lost marker reads as new
const READ_MARKER = `
local value = redis.call('GET', KEYS[1])
if value then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return value
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;

// the write and the comparison it depends on in one step: no stop can come between them
const SET_IF_MARKER = `
if redis.call('GET', KEYS[2]) == ARGV[3] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

/** Redis wants whole, positive milliseconds. */
function ms(value: number): number {
  return Math.max(1, Math.ceil(value));
}

function counterState(reply: unknown): CounterState {
  if (!Array.isArray(reply) || reply.length !== 2) throw new Error('Redis store: unexpected INCREMENT reply');
  const [count, ttl] = reply.map(Number) as [number, number];
  if (!Number.isFinite(count) || !Number.isFinite(ttl))
    throw new Error('Redis store: unexpected INCREMENT reply');
  return { count, resetAt: Date.now() + ttl };
}

/**
 * A {@link ProxyStore} in Redis, for several proxy instances sharing one cache, one set of
 * limits and one set of stop markers. Every operation is one atomic command or script: the
 * counters `INCR` and set their window's expiry in one step, values are `SET … PX`, and a cached
 * answer is written only if its video's marker is still the one it was read under, in the same
 * script. Every key expires. Pass an `ioredis` client (an optional peer dependency of this kit):
 *
 * @example
 * import Redis from 'ioredis';
 * import { createProxy } from 'contentstats-kit/proxy';
 * import { createRedisStore } from 'contentstats-kit/proxy/redis';
 *
 * // fail fast while Redis is away: the proxy answers 503 store_unavailable, then recovers by itself
 * const redis = new Redis(process.env.REDIS_URL!, { commandTimeout: 500, maxRetriesPerRequest: 1 });
 * redis.on('error', (error) => console.warn('redis:', error.message));
 * const proxy = createProxy({ apiKey: process.env.CONTENTSTATS_API_KEY!, store: createRedisStore(redis) });
 */
export function createRedisStore(redis: RedisStoreClient, options: RedisStoreOptions = {}): ProxyStore {
  const prefix = options.prefix ?? 'contentstats:';
  const timeoutMs = options.timeoutMs ?? 1000;
  if (!(timeoutMs > 0)) throw new RangeError('createRedisStore: timeoutMs must be positive.');
  const key = (name: string) => `${prefix}${name}`;

  /** The command's answer, or a rejection after `timeoutMs` (a late answer is ignored). */
  function bounded<T>(operation: string, run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Redis store: no answer to ${operation} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      run()
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    });
  }

  return {
    get: (name) => bounded('GET', async () => (await redis.get(key(name))) ?? undefined),
    set: (name, value, ttlMs) =>
      bounded('SET', async () => {
        await redis.set(key(name), value, 'PX', ms(ttlMs));
      }),
    delete: (name) =>
      bounded('DEL', async () => {
        await redis.del(key(name));
      }),
    increment: (name, windowMs) =>
      bounded('INCREMENT', async () => counterState(await redis.eval(INCREMENT, 1, key(name), ms(windowMs)))),
    readMarker: (name, ttlMs) =>
      bounded('READ_MARKER', async () =>
        String(await redis.eval(READ_MARKER, 1, key(name), globalThis.crypto.randomUUID(), ms(ttlMs))),
      ),
    changeMarker: (name, ttlMs) =>
      bounded('SET', async () => {
        await redis.set(key(name), globalThis.crypto.randomUUID(), 'PX', ms(ttlMs));
      }),
    setIfMarker: (name, value, ttlMs, guard: MarkerGuard) =>
      bounded(
        'SET_IF_MARKER',
        async () =>
          Number(
            await redis.eval(SET_IF_MARKER, 2, key(name), key(guard.key), value, ms(ttlMs), guard.token),
          ) === 1,
      ),
  };
}

export type { MarkerGuard, ProxyStore } from './cache.js';
