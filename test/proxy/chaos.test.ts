import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/createClient';
import type { ContentStatsError } from '../../src/client/errors';
import { createMockApi } from '../../src/mock/engine';
import { type MockServer, startMockServer } from '../../src/mock/server';
import type { MockChaosRecord } from '../../src/mock/types';
import { expressProxy, mintToken, type ProxyErrorContext, type ProxyLogEntry } from '../../src/proxy/index';
import { runRandomTracks } from '../helpers/randomTracks';

// The browser's path under faults: client → proxy (real Express) → local API misbehaving on
// purpose. The proxy must pass failures on as failures (never cache or replay a broken answer),
// keep the API key out of every answer, keep serving, and its Idempotency-Key namespacing must
// still turn a lost answer's retry into the same tracking, never a second one or a second charge.

const API_KEY = 'cs_live_CHAOSPROXY_never_in_a_browser_51e0';
const SECRET = 'proxy-chaos-token-secret-0123456789-abcdefg';
const START_USD = 10_000;
const COST = 0.015; // snapshot 0, charged when a tracking is created (the clock runs at 1×)
const LINK = (n: number) => `https://www.tiktok.com/@proxychaos/video/${n}`;

let api: MockServer;
let server: Server;
let proxyUrl: string;
const logs: ProxyLogEntry[] = [];
const reported: { error: Error; context: ProxyErrorContext }[] = [];
/** Every status line, header and body the proxy sent, for the key-leak check. */
const seen: string[] = [];

/**
 * Real time for the API's rate-limit windows, moved a window ahead before the books are checked:
 * a loaded machine can spend the key's 1,200 requests a minute within the run, and the check must
 * not read a 429 instead of the account.
 */
let wallShift = 0;

beforeAll(async () => {
  api = await startMockServer({
    api: createMockApi({
      keys: [{ key: API_KEY, plan: 'enterprise', balance_usd: START_USD }],
      wallClock: () => Date.now() + wallShift,
    }),
  });
  const app = express();
  app.use((req, res, next) => {
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const chunks: string[] = [];
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array)
        chunks.push(Buffer.from(chunk).toString());
    };
    res.write = ((chunk: unknown, ...rest: never[]) => {
      keep(chunk);
      return write(chunk as string, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: never[]) => {
      keep(chunk);
      seen.push(
        `${req.method} ${req.url} ${res.statusCode} ${JSON.stringify(res.getHeaders())} ${chunks.join('')}`,
      );
      return end(chunk as string, ...rest);
    }) as typeof res.end;
    next();
  });
  app.use(
    '/api/contentstats',
    expressProxy({
      apiKey: API_KEY,
      upstream: api.url,
      tokenSecret: SECRET,
      timeoutMs: 400,
      operations: { read: true, track: true, usage: true },
      // the limits are the proxy's own refusals, tested elsewhere; here every attempt must reach the API
      limits: { track: false, requests: false },
      onLog: (entry) => logs.push(entry),
      onError: (error, context) => reported.push({ error, context }),
    }),
  );
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/contentstats`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await api.close();
});

afterEach(() => api.chaos.clear());

/** A browser-side client through the proxy, as `subject` (limits and idempotency namespace). */
async function viewer(subject: string, extra: Parameters<typeof createClient>[0] = {}) {
  const { token } = await mintToken({ subject, scope: ['read', 'track', 'usage'], ttlSeconds: 600 }, SECRET);
  return createClient({ baseUrl: proxyUrl, token, retry: false, timeoutMs: 2000, ...extra });
}

const direct = () => createClient({ baseUrl: api.url, apiKey: API_KEY, retry: false });

function failure(call: Promise<unknown>): Promise<ContentStatsError> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as ContentStatsError,
  );
}

describe('each fault, seen through the proxy', () => {
  let videoId: string;
  beforeAll(async () => {
    videoId = (await direct().trackVideo({ video_link: LINK(1), duration_days: 1 })).id;
  });

  it('an API 5xx reaches the caller as a server error and is not cached: the next read gets the video', async () => {
    const c = await viewer('u-5xx');
    api.chaos.set({ errorStatuses: [503] });
    api.chaos.once('error');
    await expect(c.getVideo(videoId)).rejects.toMatchObject({ code: 'server', status: 503 });
    await expect(c.getVideo(videoId)).resolves.toMatchObject({ id: videoId });
  });

  it.each(['truncate', 'malformed'] as const)(
    'a %s answer becomes 502 upstream_invalid, never a cached or passed-on broken body',
    async (kind) => {
      const c = await viewer(`u-${kind}`);
      const other = (await direct().trackVideo({ video_link: LINK(kind.length + 10), duration_days: 1 })).id;
      api.chaos.once(kind);
      const error = await failure(c.getVideo(other));
      expect(error).toMatchObject({ status: 502, apiCode: 'upstream_invalid' });
      const video = await c.getVideo(other);
      expect(video.id).toBe(other);
      expect(logs.filter((l) => l.route === 'GET /api/v1/videos/:id').at(-1)?.cache).toBe('miss');
    },
  );

  it('a reset before the API acted and a stalled API: 502 and 504, reported to onError, and the proxy keeps serving', async () => {
    const c = await viewer('u-reset');
    const before = reported.length;
    api.chaos.once('resetBefore');
    await expect(c.getUsage()).rejects.toMatchObject({ status: 502, apiCode: 'upstream_unreachable' });
    api.chaos.once('stall');
    await expect(c.getUsage()).rejects.toMatchObject({ status: 504, apiCode: 'upstream_timeout' });
    expect(reported.slice(before).map((r) => r.context.code)).toEqual([
      'upstream_unreachable',
      'upstream_timeout',
    ]);
    await expect(c.getUsage()).resolves.toMatchObject({ plan: 'enterprise' });
  });

  it("a 429 burst is passed on with the API's Retry-After, and the client waits that long before it succeeds", async () => {
    api.chaos.set({ burstLength: 2, retryAfterSeconds: 1 });
    api.chaos.once('burst429');
    const statuses: number[] = [];
    const at: number[] = [];
    const c = await viewer('u-429', {
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        statuses.push(response.status);
        at.push(performance.now());
        return response;
      },
    });
    await expect(c.getUsage()).resolves.toMatchObject({ plan: 'enterprise' });
    expect(statuses).toEqual([429, 429, 200]);
    for (let i = 1; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(990);
  }, 10_000);
});

describe('1,000 randomized track attempts through the proxy under mixed chaos', () => {
  it('record no duplicate tracking, no double charge, say unknown whenever the API acted, and never leak the key', async () => {
    api.chaos.set({
      latencyMs: [0, 3],
      error: 0.08,
      resetBefore: 0.05,
      resetAfter: 0.08,
      truncate: 0.05,
      malformed: 0.04,
      burst429: 0.01,
      stall: 0.02,
      burstLength: 2,
      retryAfterSeconds: 1,
      stallMs: 1500,
      seed: 'proxy-thousand',
    });
    const logStart = api.chaos.log.length;
    const balanceBefore = api.api.balance(API_KEY);
    const { videos: before } = await direct().listVideos();
    const subjects = ['user-0', 'user-1', 'user-2', 'user-3', 'user-4'];
    const clients = await Promise.all(
      subjects.map((subject) =>
        viewer(subject, {
          timeoutMs: 1500,
          retry: { retries: 3, baseDelayMs: 2, maxDelayMs: 20, maxRetryAfterMs: 2000 },
        }),
      ),
    );
    const results = await runRandomTracks(clients, {
      count: 1000,
      seed: 4242,
      link: (n) => LINK(700_000 + n),
      linkCount: 600,
      concurrency: 30,
    });
    api.chaos.clear();
    wallShift += 61_000;

    // every fault happened and some calls failed for good: the checks below have something to check
    const records = api.chaos.log.slice(logStart);
    const counts = new Map<string, number>();
    for (const r of records) if (r.kind) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(
      ['burst429', 'error', 'malformed', 'resetAfter', 'resetBefore', 'stall', 'truncate'].sort(),
    );
    const failed = results.filter((r) => r.error);
    expect(results).toHaveLength(1000);
    expect(failed.length).toBeGreaterThan(0);

    // the API sees the caller's key behind the proxy's per-subject namespace (`<hash>:<key>`)
    const byKey = new Map<string, MockChaosRecord[]>();
    for (const record of records) {
      if (record.idempotencyKey === null) continue;
      const callerKey = record.idempotencyKey.slice(record.idempotencyKey.indexOf(':') + 1);
      byKey.set(callerKey, [...(byKey.get(callerKey) ?? []), record]);
    }
    const created = (key: string | undefined) =>
      (byKey.get(key ?? '') ?? []).some((r) => r.acted && r.status === 201);
    for (const { error } of failed) {
      if (!error) continue;
      expect(error.idempotencyKey, error.message).toEqual(expect.any(String));
      if (created(error.idempotencyKey))
        expect(error.outcome, `${error.code}: ${error.message}`).toBe('unknown');
    }

    // one key, one account: no link tracked twice, and what was spent is one snapshot per new tracking
    const { videos } = await direct().listVideos();
    const perLink = new Map<string, number>();
    for (const v of videos) perLink.set(v.video_link, (perLink.get(v.video_link) ?? 0) + 1);
    expect([...perLink].filter(([, n]) => n > 1)).toEqual([]);
    const made = videos.length - before.length;
    expect(made).toBe([...byKey.keys()].filter((key) => created(key)).length);
    expect(balanceBefore - api.api.balance(API_KEY)).toBeCloseTo(made * COST, 6);
    const ids = new Set(videos.map((v) => v.id));
    for (const r of results) {
      if (r.id) expect(ids.has(r.id)).toBe(true);
      const existing = r.error?.code === 'conflict' ? r.error.existingId : undefined;
      if (existing !== undefined) expect(ids.has(existing)).toBe(true);
    }

    // the proxy kept the server's key to itself through every broken answer
    expect(seen.length).toBeGreaterThan(1000);
    expect(seen.filter((line) => line.includes(API_KEY))).toEqual([]);
    expect(reported.map((r) => `${r.error.message} ${String(r.error.cause)}`).join('\n')).not.toContain(
      API_KEY,
    );
  }, 60_000);
});
