import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/client/createClient';
import type { ContentStatsError } from '../../src/client/errors';
import { type MockServer, startMockServer } from '../../src/mock/server';
import { type Fault, type FaultServer, startFaultServer, until } from '../helpers/faultServer';

let mock: MockServer;
let fault: FaultServer | undefined;
const KEY = 'k_resilience';

beforeAll(async () => {
  mock = await startMockServer({ keys: [{ key: KEY, plan: 'pro', balance_usd: 100 }] });
});
afterAll(() => mock.close());
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await fault?.close();
  fault = undefined;
});

async function faulty(plan: (i: number) => Fault) {
  fault = await startFaultServer(mock.url, plan);
  return fault;
}

function settle<T>(promise: Promise<T>) {
  const state: { done: boolean; value?: T; error?: unknown } = { done: false };
  promise.then(
    (value) => Object.assign(state, { done: true, value }),
    (error: unknown) => Object.assign(state, { done: true, error }),
  );
  return state;
}

const unavailable: Fault = { status: 503, body: '{"error":"down"}' };

describe('retries', () => {
  it('backs off exponentially with full jitter on 5xx, then succeeds', async () => {
    const f = await faulty((i) => (i < 2 ? unavailable : 'pass'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: { retries: 3, baseDelayMs: 1000 } });
    const call = settle(c.getUsage());

    await until(() => f.seen.length === 1, 'first attempt');
    await vi.advanceTimersByTimeAsync(499); // jitter 0.5 × 1000 ms
    expect(f.seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => f.seen.length === 2, 'second attempt');
    await vi.advanceTimersByTimeAsync(999); // 0.5 × 2000 ms
    expect(f.seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => call.done, 'success');
    expect(f.seen).toHaveLength(3);
    expect(call.value).toMatchObject({ balance_usd: 100 });
  });

  it('gives up after the configured retries with the last error', async () => {
    const f = await faulty(() => unavailable);
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: { retries: 2, baseDelayMs: 1 } });
    await expect(c.getUsage()).rejects.toMatchObject({ code: 'server', status: 503 });
    expect(f.seen).toHaveLength(3);
  });

  it('honours Retry-After on 429 and does not retry earlier', async () => {
    const f = await faulty((i) =>
      i === 0
        ? { status: 429, headers: { 'Retry-After': '20' }, body: '{"error":"Rate limit exceeded"}' }
        : 'pass',
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: { retries: 1, baseDelayMs: 10 } });
    const call = settle(c.getUsage());
    await until(() => f.seen.length === 1, 'first attempt');
    await vi.advanceTimersByTimeAsync(19_900);
    expect(f.seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(400);
    await until(() => call.done, 'retry');
    expect(f.seen).toHaveLength(2);
    expect(call.error).toBeUndefined();
  });

  it('does not wait for a reset beyond maxRetryAfterMs: the caller gets retryAt instead', async () => {
    const f = await faulty(() => ({
      status: 429,
      headers: { 'Retry-After': '3600' },
      body: '{"error":"slow down"}',
    }));
    const c = createClient({ baseUrl: f.url, apiKey: KEY });
    const error = await c.getUsage().catch((e: ContentStatsError) => e);
    expect(error).toMatchObject({ code: 'rate_limited' });
    expect((error as ContentStatsError).retryAt).toBeGreaterThan(Date.now() + 3_500_000);
    expect(f.seen).toHaveLength(1);
  });

  it.each([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [402, 'insufficient_balance'],
    [404, 'not_found'],
  ])('never retries a %i', async (status, code) => {
    const f = await faulty(() => ({ status, body: '{"error":"no","balance":0.5}' }));
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: { retries: 3, baseDelayMs: 1 } });
    await expect(c.getUsage()).rejects.toMatchObject({ code, status });
    expect(f.seen).toHaveLength(1);
  });

  it('retries a lost track response with the same Idempotency-Key: one tracking, one charge', async () => {
    const f = await faulty((i) => (i === 0 ? 'drop-after-forward' : 'pass'));
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: { retries: 2, baseDelayMs: 1 } });
    const direct = createClient({ baseUrl: mock.url, apiKey: KEY });
    const before = (await direct.listVideos()).videos.length;
    const balanceBefore = mock.api.keys().find((k) => k.key === KEY)?.available_usd ?? 0;
    const tracked = await c.trackVideo({
      video_link: 'https://www.tiktok.com/@retry/video/42',
      duration_days: 7,
    });
    const tracks = f.seen.filter((r) => r.url.endsWith('/track'));
    expect(tracks).toHaveLength(2);
    expect(tracks[0]?.headers['idempotency-key']).toBeTruthy();
    expect(tracks[1]?.headers['idempotency-key']).toBe(tracks[0]?.headers['idempotency-key']);
    const after = await direct.listVideos();
    expect(after.videos).toHaveLength(before + 1);
    expect(after.videos.filter((v) => v.id === tracked.id)).toHaveLength(1);
    const balanceAfter = mock.api.keys().find((k) => k.key === KEY)?.available_usd ?? 0;
    expect(balanceBefore - balanceAfter).toBeCloseTo(2.52, 5);
  });
});

describe('timeouts and cancellation', () => {
  it('times out a request that never answers', async () => {
    const f = await faulty(() => 'hang');
    const c = createClient({ baseUrl: f.url, apiKey: KEY, timeoutMs: 50, retry: false });
    const error = await c.getUsage().catch((e: ContentStatsError) => e);
    expect(error).toMatchObject({ code: 'timeout', status: 0 });
    // the time limit the caller set, in the caller's unit (regression: a regex whose last branch matched anything)
    expect((error as Error).message).toBe('The ContentStats API did not answer within 50 ms. Try again.');
  });

  it('aborts on the caller signal, including a pending retry', async () => {
    const f = await faulty(() => unavailable);
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: { retries: 5, baseDelayMs: 60_000 } });
    const controller = new AbortController();
    const call = c.getUsage({ signal: controller.signal });
    await until(() => f.seen.length === 1, 'first attempt');
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'aborted' });
    expect(f.seen).toHaveLength(1);
  });

  it('aborts a request in flight', async () => {
    const f = await faulty(() => 'hang');
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: false });
    const controller = new AbortController();
    const call = c.getUsage({ signal: controller.signal });
    await until(() => f.seen.length === 1, 'request');
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('response validation: liberal in what it accepts, never a crash deep in the UI', () => {
  const ok = (body: unknown): Fault => ({
    status: 200,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it.each([
    ['a body that is not JSON', ok('<html>oops</html>'), /not JSON/],
    [
      'a count that is not a count',
      ok({
        id: 'v1',
        snapshots: [{ snapshot_time: '2024-01-29T10:00:00Z', views: 'lots', likes: '1', comments: '1' }],
      }),
      /snapshots\[0\]\.views is not a count/,
    ],
    [
      'a bad time',
      ok({ id: 'v1', snapshots: [{ snapshot_time: 'yesterday', views: '1', likes: '1', comments: '1' }] }),
      /snapshot_time/,
    ],
    ['no id', ok({ snapshots: [] }), /video\.id/],
    ['an array where an object belongs', ok([1, 2]), /video is not an object/],
  ])('%s becomes invalid_response', async (_name, fault, message) => {
    const f = await faulty(() => fault);
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: false });
    const error = await c.getVideo('v1').catch((e: ContentStatsError) => e);
    expect(error).toMatchObject({ code: 'invalid_response', status: 200 });
    expect((error as Error).message).toMatch(message);
  });

  it("accepts the docs' own minimal example, extra fields and unsorted snapshots", async () => {
    const f = await faulty(() =>
      ok({
        id: 'cm5abc123',
        brand_new_field: { nested: true },
        snapshots: [
          {
            snapshot_time: '2024-01-29T11:00:00Z',
            views: '1300000',
            likes: '186000',
            comments: '4300',
            shares: '12600',
            saves: '9000',
          },
          {
            snapshot_time: '2024-01-29T10:00:00Z',
            views: 1250000,
            likes: '185000',
            comments: '4200',
            shares: null,
            saves: '8900',
          },
        ],
      }),
    );
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: false });
    const video = await c.getVideo('cm5abc123');
    expect(video.snapshots.map((s) => s.views)).toEqual(['1250000', '1300000']);
    expect(video.snapshots[0]).toMatchObject({ shares: null, provider: 'unknown' });
    expect(video).toMatchObject({ brand_new_field: { nested: true }, status: 'unknown' });
  });

  it('accepts a bare array or { videos } from the list endpoint', async () => {
    const item = {
      id: 'a',
      video_link: 'https://www.tiktok.com/@a/video/1',
      platform: 'tiktok',
      status: 'monitoring',
    };
    for (const body of [[item], { videos: [item] }]) {
      const f = await faulty(() => ok(body));
      const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: false });
      expect((await c.listVideos()).videos).toEqual([item]);
      await f.close();
      fault = undefined;
    }
  });
});

describe('token source failures', () => {
  it('times out and aborts while the token endpoint hangs', async () => {
    const tokens = await startFaultServer(null, () => 'hang');
    try {
      const c = createClient({
        baseUrl: mock.url,
        tokenUrl: `${tokens.url}/token`,
        timeoutMs: 80,
        retry: false,
      });
      await expect(c.getUsage()).rejects.toMatchObject({ code: 'timeout' });
      const controller = new AbortController();
      const call = c.getUsage({ signal: controller.signal, timeoutMs: 60_000 });
      controller.abort();
      await expect(call).rejects.toMatchObject({ code: 'aborted' });
    } finally {
      await tokens.close();
    }
  });

  it('asks a token endpoint that refuses only once, not again as a refresh', async () => {
    const tokens = await startFaultServer(null, () => ({ status: 401, body: '{"error":"signed out"}' }));
    try {
      const c = createClient({ baseUrl: mock.url, tokenUrl: `${tokens.url}/token`, retry: false });
      await expect(c.getUsage()).rejects.toMatchObject({ code: 'unauthorized' });
      expect(tokens.seen).toHaveLength(1);
    } finally {
      await tokens.close();
    }
  });

  it('turns a failing token function into a typed error', async () => {
    const c = createClient({
      baseUrl: mock.url,
      token: () => {
        throw new Error('session store down');
      },
      retry: false,
    });
    await expect(c.getUsage()).rejects.toMatchObject({
      code: 'unauthorized',
      message: /Could not get an access token/,
    });
  });
});

describe('rate-limit listeners', () => {
  it('a throwing listener does not fail a call that succeeded, and its error is still reported', async () => {
    const c = createClient({ baseUrl: mock.url, apiKey: KEY, retry: false });
    const reported = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    c.onRateLimit(() => {
      throw new Error('listener bug');
    });
    await expect(c.getUsage()).resolves.toMatchObject({ balance_usd: expect.any(Number) });
    expect(await reported).toMatchObject({ message: 'listener bug' });
  });
});

describe('keys stay on the server', () => {
  it('refuses an apiKey in a browser-like global unless explicitly allowed', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    try {
      expect(() => createClient({ apiKey: 'secret' })).toThrow(/exposes it to every visitor/);
      expect(() => createClient({ apiKey: 'secret', dangerouslyAllowBrowser: true })).not.toThrow();
      expect(() => createClient({ baseUrl: '/api/contentstats' })).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
