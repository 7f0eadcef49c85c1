import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MockServer, startMockServer } from '../../src/mock/index';
import {
  createProxy,
  mintToken,
  type ProxyErrorContext,
  type ProxyHandler,
  type ProxyOptions,
} from '../../src/proxy/index';
import { createRedisStore, type RedisStoreClient } from '../../src/proxy/redis';
import { API_KEY, SECRET, startCountingUpstream } from './harness';

const REDIS_SERVER = '/usr/bin/redis-server';
const HAS_REDIS = existsSync(REDIS_SERVER);

/** A port nothing listens on right now (redis-server reads `--port 0` as "no TCP": TOOLCHAIN trap 14). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A throwaway redis-server on `port` (no persistence), resolved once it accepts connections. */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start on ${port}:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready to accept connections/i.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
    });
  });
}

async function stopRedis(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

interface VideoBody {
  id: string;
  status: string;
}

describe.skipIf(!HAS_REDIS)(
  `two proxy instances sharing one redis-server${HAS_REDIS ? '' : ' (skipped: /usr/bin/redis-server is not installed; apt-get install redis-server)'}`,
  () => {
    let port: number;
    let redisServer: ChildProcess;
    let mock: MockServer;
    let upstream: Awaited<ReturnType<typeof startCountingUpstream>>;
    const clients: Redis[] = [];
    const clientErrors: Error[] = [];
    const storeFailures: ProxyErrorContext[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    let seq = 0;

    /** An ioredis client as a deployment would make one: with the options the README recommends, or waiting forever. */
    function client(recommended: boolean): Redis {
      const redis = new Redis({
        host: '127.0.0.1',
        port,
        // reconnect quickly, so the test does not wait out the default backoff (up to 5 s)
        retryStrategy: () => 100,
        // B waits for Redis forever, as BullMQ wants its connections set: only the store's own bound answers
        ...(recommended ? { commandTimeout: 500, maxRetriesPerRequest: 1 } : { maxRetriesPerRequest: null }),
      });
      redis.on('error', (error: Error) => clientErrors.push(error));
      clients.push(redis);
      return redis;
    }

    let redisA: Redis;
    let redisB: Redis;

    /** One proxy instance: its own Redis connection, the same secret, API and key as the others. */
    function instance(redis: Redis, options: Partial<ProxyOptions> = {}): ProxyHandler {
      return createProxy({
        apiKey: API_KEY,
        upstream: upstream.url,
        tokenSecret: SECRET,
        basePath: '/api/contentstats',
        operations: { read: true, track: true, stop: true },
        limits: { track: { max: 2, windowSeconds: 60 }, requests: { max: 1000, windowSeconds: 60 } },
        store: createRedisStore(redis),
        onError: (_error, context) => {
          if (context.code === 'store_unavailable') storeFailures.push(context);
        },
        ...options,
      });
    }

    let a: ProxyHandler;
    let b: ProxyHandler;

    beforeAll(async () => {
      process.on('unhandledRejection', onUnhandled);
      port = await freePort();
      redisServer = await startRedis(port);
      mock = await startMockServer({ port: 0, keys: [{ key: API_KEY, plan: 'pro', balance_usd: 100 }] });
      upstream = await startCountingUpstream(mock.url);
      // A with the recommended client options, B without any time limit: the store's own bound holds for both
      redisA = client(true);
      redisB = client(false);
      a = instance(redisA);
      b = instance(redisB);
    });
    afterEach(() => upstream.delayAnswer('', 0));
    afterAll(async () => {
      process.off('unhandledRejection', onUnhandled);
      for (const redis of clients) redis.disconnect();
      await upstream?.close();
      await mock?.close();
      if (redisServer) await stopRedis(redisServer, 'SIGTERM');
    });

    const token = async (subject: string) =>
      `Bearer ${(await mintToken({ scope: ['read', 'track', 'stop'], subject, ttlSeconds: 3600 }, SECRET)).token}`;
    const at = (path: string, init?: RequestInit) =>
      new Request(`https://app.example/api/contentstats${path}`, init);
    const get = async (proxy: ProxyHandler, id: string, subject = 'reader') =>
      proxy(at(`/api/v1/videos/${id}`, { headers: { Authorization: await token(subject) } }));
    const track = async (proxy: ProxyHandler, subject: string, idempotencyKey?: string) =>
      proxy(
        at('/api/v1/videos/track', {
          method: 'POST',
          headers: {
            Authorization: await token(subject),
            'Content-Type': 'application/json',
            ...(idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey }),
          },
          body: JSON.stringify({ video_link: `https://www.tiktok.com/@shared/video/${7000 + ++seq}` }),
        }),
      );
    const stop = async (proxy: ProxyHandler, id: string) =>
      proxy(
        at(`/api/v1/videos/${id}/stop`, { method: 'POST', headers: { Authorization: await token('ops') } }),
      );
    /** Tracks a video on the local API directly (setup: no proxy, no limit). */
    async function seedVideo(): Promise<string> {
      const response = await fetch(`${mock.url}/api/v1/videos/track`, {
        method: 'POST',
        headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ video_link: `https://www.tiktok.com/@seed/video/${8000 + ++seq}` }),
      });
      return ((await response.json()) as VideoBody).id;
    }
    const apiTracks = () => mock.api.requestCount('POST /api/v1/videos/track');

    it("holds a subject's track limit across instances", async () => {
      const before = apiTracks();
      expect((await track(a, 'user-limit')).status).toBe(201);
      expect((await track(b, 'user-limit')).status).toBe(201);
      const third = await track(a, 'user-limit');
      expect(third.status).toBe(429);
      expect(await third.json()).toMatchObject({ code: 'track_rate_limited' });
      expect((await track(b, 'user-limit')).status).toBe(429);
      expect(apiTracks() - before).toBe(2);
      // another subject has its own limit
      expect((await track(b, 'user-other')).status).toBe(201);
    });

    it('counts concurrent requests through both instances exactly (atomic counters)', async () => {
      const id = await seedVideo();
      const limits = { requests: { max: 5, windowSeconds: 60 }, track: false as const };
      const [c, d] = [instance(redisA, { limits }), instance(redisB, { limits })];
      const statuses = await Promise.all(
        Array.from({ length: 24 }, (_, n) => get(n % 2 === 0 ? c : d, id, 'burst')),
      ).then((responses) => responses.map((response) => response.status));
      expect(statuses.filter((status) => status === 200)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(19);
    });

    it('serves a snapshot one instance fetched from the other, without an upstream call', async () => {
      const id = await seedVideo();
      const first = await get(a, id);
      expect(first.status).toBe(200);
      expect(first.headers.get('x-cache')).toBe('MISS');
      const second = await get(b, id);
      expect(second.status).toBe(200);
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(await second.text()).toBe(await first.text());
      expect(mock.api.requestCount(`GET /api/v1/videos/${id}`)).toBe(1);
    });

    it('sees a stop made on one instance from the other: no stale copy', async () => {
      const id = await seedVideo();
      expect((await (await get(a, id)).json()) as VideoBody).toMatchObject({ status: 'monitoring' });
      expect((await get(b, id)).headers.get('x-cache')).toBe('HIT');
      expect((await stop(b, id)).status).toBe(200);
      const after = await get(a, id);
      expect(after.headers.get('x-cache')).toBe('MISS');
      expect((await after.json()) as VideoBody).toMatchObject({ status: 'stopped' });
    });

    it('keeps nothing of a read in flight on one instance while the other stopped the video', async () => {
      const id = await seedVideo();
      // the API answers A's read at once ("monitoring"); A hears it only after B's stop went through
      upstream.delayAnswer(`GET /api/v1/videos/${id}`, 400);
      const answered = upstream.answered();
      const inFlight = get(a, id);
      await vi.waitFor(() => expect(upstream.answered()).toBeGreaterThan(answered));
      expect((await stop(b, id)).status).toBe(200);
      const stale = await inFlight;
      expect((await stale.json()) as VideoBody).toMatchObject({ status: 'monitoring' });
      expect(stale.headers.get('cache-control')).toBe('no-store');
      upstream.delayAnswer(`GET /api/v1/videos/${id}`, 0);
      for (const proxy of [b, a]) {
        const after = await get(proxy, id);
        expect((await after.json()) as VideoBody).toMatchObject({ status: 'stopped' });
      }
    });

    it('writes a cached answer only if no stop came between its read and its write (one atomic step)', async () => {
      const id = await seedVideo();
      // A's connection holds back its write of this video's answer, as a slow network would
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held = false;
      const holdWrites = async (keys: unknown[]) => {
        // the answer's key, not its marker's (`…:gen:video:{id}`)
        const answerKey = (key: unknown) =>
          typeof key === 'string' && key.endsWith(`:video:{${id}}`) && !key.includes(':gen:');
        if (!keys.some(answerKey)) return;
        held = true;
        await released;
      };
      const slowA: RedisStoreClient = {
        get: (key) => redisA.get(key),
        del: (key) => redisA.del(key),
        set: async (key, value, px, ttlMs) => {
          await holdWrites([key]);
          return redisA.set(key, value, px, ttlMs);
        },
        eval: async (script, numKeys, ...rest) => {
          await holdWrites(rest.slice(0, numKeys));
          return redisA.eval(script, numKeys, ...rest);
        },
      };
      const slow = instance(redisA, { store: createRedisStore(slowA) });
      const inFlight = get(slow, id);
      await vi.waitFor(() => expect(held).toBe(true));
      expect((await stop(b, id)).status).toBe(200);
      release();
      const stale = await inFlight;
      expect((await stale.json()) as VideoBody).toMatchObject({ status: 'monitoring' });
      expect(stale.headers.get('cache-control')).toBe('no-store');
      const after = await get(b, id);
      expect(after.headers.get('x-cache')).toBe('MISS');
      expect((await after.json()) as VideoBody).toMatchObject({ status: 'stopped' });
    });

    it('counts a window from its first hit: later hits do not extend it', async () => {
      const store = createRedisStore(redisA, { prefix: 'window-test:' });
      const start = Date.now();
      const first = await store.increment('k', 300);
      expect(first.count).toBe(1);
      expect(first.resetAt).toBeGreaterThan(start);
      expect(first.resetAt).toBeLessThanOrEqual(Date.now() + 300);
      const second = await store.increment('k', 300);
      expect(second.count).toBe(2);
      expect(second.resetAt).toBeLessThanOrEqual(first.resetAt + 5);
      // hit it until the window ends: the hits themselves never push its end back
      await vi.waitFor(async () => expect((await store.increment('k', 300)).count).toBe(1), {
        timeout: 3000,
        interval: 50,
      });
      expect(Date.now() - start).toBeLessThan(2000);
      await redisA.del('window-test:k');
    });

    it('keeps every key under the prefix, with an expiry', async () => {
      const keys = await redisA.keys('*');
      expect(keys.length).toBeGreaterThan(5);
      for (const key of keys) {
        expect(key).toMatch(/^contentstats:/);
        expect(await redisA.pttl(key)).toBeGreaterThan(0);
      }
    });

    it('namespaces an Idempotency-Key the same on every instance: a retry on the other is a replay', async () => {
      const first = await track(a, 'user-idem', 'checkout-42');
      seq--; // the same body again
      const retry = await track(b, 'user-idem', 'checkout-42');
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(((await retry.json()) as VideoBody).id).toBe(((await first.json()) as VideoBody).id);
    });

    it('answers 503 store_unavailable while Redis is away (nothing passes unlimited), and recovers when it returns', async () => {
      const id = await seedVideo();
      expect((await get(a, id)).status).toBe(200);
      const tracksBefore = apiTracks();
      const readsBefore = mock.api.requestCount(`GET /api/v1/videos/${id}`);
      await stopRedis(redisServer, 'SIGKILL');

      for (const proxy of [a, b]) {
        const started = performance.now();
        const read = await get(proxy, id);
        expect(read.status).toBe(503);
        expect(read.headers.get('retry-after')).toBe('1');
        expect(await read.json()).toEqual({
          error: 'The proxy cannot reach its store (cache and limits). Try again shortly.',
          code: 'store_unavailable',
        });
        const tracked = await track(proxy, 'user-down');
        expect(tracked.status).toBe(503);
        expect(await tracked.json()).toMatchObject({ code: 'store_unavailable' });
        // bounded by the store's 1 s per operation, also for B whose client would wait forever
        expect(performance.now() - started).toBeLessThan(5000);
      }
      expect((await stop(a, id)).status).toBe(503);
      // fail closed: not one of these reached the API
      expect(apiTracks()).toBe(tracksBefore);
      expect(mock.api.requestCount(`GET /api/v1/videos/${id}`)).toBe(readsBefore);
      expect(mock.api.requestCount(`POST /api/v1/videos/${id}/stop`)).toBe(0);
      expect(storeFailures.length).toBeGreaterThanOrEqual(5);

      redisServer = await startRedis(port);
      await vi.waitFor(
        async () => {
          expect((await get(a, id)).status).toBe(200);
          expect((await get(b, id)).status).toBe(200);
        },
        { timeout: 15_000, interval: 200 },
      );
      // the restarted server is empty: limits count again from zero, and hold again across instances
      expect((await track(a, 'user-back')).status).toBe(201);
      expect((await track(b, 'user-back')).status).toBe(201);
      expect((await track(a, 'user-back')).status).toBe(429);
      expect(clientErrors.length).toBeGreaterThan(0);
      expect(unhandled).toEqual([]);
    }, 40_000);
  },
);

describe('the Redis store is an entry of its own', () => {
  const root = resolve(__dirname, '../..');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
    );

  it('nothing else under src/proxy imports it or ioredis, so the default install stays small', () => {
    const importers = files(join(root, 'src/proxy'))
      .filter((file) => !file.endsWith('/redis.ts'))
      .filter((file) => /from '(ioredis|\.\/redis\.js|\.\.\/redis\.js)'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(importers).toEqual([]);
  });

  it('loads no client itself: it takes one, typed by the four commands it sends', () => {
    const source = readFileSync(join(root, 'src/proxy/redis.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, { import: string }>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    expect(pkg.exports['./proxy/redis']?.import).toBe('./dist/proxy-redis.js');
    expect(pkg.peerDependenciesMeta.ioredis?.optional).toBe(true);
  });
});
