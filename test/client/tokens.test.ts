import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { ContentStatsError } from '../../src/client/errors';
import { createTokenSource, jwtExpiry } from '../../src/client/tokens';
import { createMockApi } from '../../src/mock/index';
import { createProxy, createTokenEndpoint, type MintTokenOptions } from '../../src/proxy/index';

const TOKEN_URL = 'https://app.example/api/token';
const API = 'https://app.example/api/contentstats';
const SECRET = 'client-token-test-secret-0123456789abcdef';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** `value()` after `ms` of (fake) time; at once for 0, since a fake 0 ms timer waits for an advance. */
function later<T>(ms: number, value: () => T): Promise<T> {
  if (ms === 0) return Promise.resolve(value());
  return new Promise((resolve) => setTimeout(() => resolve(value()), ms));
}

async function failure(promise: Promise<unknown>): Promise<ContentStatsError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentStatsError);
  return error as ContentStatsError;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('createTokenSource', () => {
  /** A token endpoint issuing t1, t2, … valid for `ttlMs`, answering after `delayMs`. */
  function endpoint(ttlMs = 600_000, delayMs = 0) {
    let issued = 0;
    const fetch = vi.fn(() =>
      later(delayMs, () => {
        issued++;
        return json({ token: `t${issued}`, expires_at: new Date(Date.now() + ttlMs).toISOString() });
      }),
    );
    return { fetch: fetch as unknown as typeof globalThis.fetch, calls: () => fetch.mock.calls.length };
  }

  it('fetches once, caches, and refreshes 30 s before expiry', async () => {
    const e = endpoint();
    const source = createTokenSource({ tokenUrl: TOKEN_URL, fetch: e.fetch });
    expect(await source.get()).toBe('t1');
    expect(await source.get()).toBe('t1');
    await vi.advanceTimersByTimeAsync(569_000);
    expect(await source.get()).toBe('t1');
    expect(e.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await source.get()).toBe('t2');
    expect(e.calls()).toBe(2);
  });

  it('never runs two token fetches at once: concurrent callers share one', async () => {
    const e = endpoint(600_000, 200);
    const source = createTokenSource({ tokenUrl: TOKEN_URL, fetch: e.fetch });
    const waiting = Promise.all([source.get(), source.get(), source.get()]);
    await vi.advanceTimersByTimeAsync(100);
    const alsoWaiting = source.get();
    await vi.advanceTimersByTimeAsync(100);
    expect(await waiting).toEqual(['t1', 't1', 't1']);
    expect(await alsoWaiting).toBe('t1');
    expect(e.calls()).toBe(1);
  });

  it('refreshes a token shorter-lived than twice the margin at half its life, not on every call', async () => {
    const e = endpoint(40_000);
    const source = createTokenSource({ tokenUrl: TOKEN_URL, fetch: e.fetch });
    await source.get();
    await vi.advanceTimersByTimeAsync(19_000);
    await source.get();
    expect(e.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await source.get()).toBe('t2');
  });

  it('forgets an invalidated token, but not a newer one', async () => {
    const e = endpoint();
    const source = createTokenSource({ tokenUrl: TOKEN_URL, fetch: e.fetch });
    await source.get();
    source.invalidate('t1');
    expect(await source.get()).toBe('t2');
    source.invalidate('t1');
    expect(await source.get()).toBe('t2');
    expect(e.calls()).toBe(2);
  });

  it.each([
    ['ISO time', { expires_at: '2025-03-01T10:05:00Z' }],
    ['Unix seconds', { expires_at: Date.parse('2025-03-01T10:05:00Z') / 1000 }],
    ['Unix ms', { expires_at: Date.parse('2025-03-01T10:05:00Z') }],
    ['expires_in', { expires_in: 300 }],
  ])('reads the expiry as %s', async (_name, expiry) => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return json({ token: `t${calls}`, ...expiry });
    }) as unknown as typeof globalThis.fetch;
    const source = createTokenSource({ tokenUrl: TOKEN_URL, fetch });
    await source.get();
    await vi.advanceTimersByTimeAsync(269_000);
    expect(await source.get()).toBe('t1');
    await vi.advanceTimersByTimeAsync(2000);
    expect(await source.get()).toBe('t2');
  });

  it("falls back to the JWT's own exp", () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_740_823_500 })).toString('base64url');
    expect(jwtExpiry(`e30.${payload}.sig`)).toBe(1_740_823_500_000);
    expect(jwtExpiry('garbage')).toBeUndefined();
  });

  it.each([
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [500, 'server', true],
    [429, 'rate_limited', true],
  ] as const)('maps a %i from the token endpoint to %s', async (status, code, retryable) => {
    const source = createTokenSource({
      tokenUrl: TOKEN_URL,
      fetch: (async () => json({ error: 'no' }, status)) as unknown as typeof fetch,
    });
    const error = await failure(source.get());
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it('reports an unreachable endpoint and a bad answer, and tries again on the next call', async () => {
    let mode: 'down' | 'html' | 'empty' | 'ok' = 'down';
    const fetch = (async () => {
      if (mode === 'down') throw new TypeError('fetch failed');
      if (mode === 'html') return new Response('<html>', { status: 200 });
      if (mode === 'empty') return json({});
      return json({ token: 'ok', expires_in: 600 });
    }) as unknown as typeof globalThis.fetch;
    const source = createTokenSource({ tokenUrl: TOKEN_URL, fetch });
    expect((await failure(source.get())).code).toBe('network');
    mode = 'html';
    expect((await failure(source.get())).code).toBe('invalid_response');
    mode = 'empty';
    expect((await failure(source.get())).message).toBe('The token endpoint answered without a token.');
    mode = 'ok';
    expect(await source.get()).toBe('ok');
  });

  it('sends POST with Accept, keeping headers given as a Headers object', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => json({ token: 't', expires_in: 600 }));
    const source = createTokenSource({
      tokenUrl: TOKEN_URL,
      fetch: fetch as unknown as typeof globalThis.fetch,
      init: { headers: new Headers({ 'X-CSRF': 'abc' }), credentials: 'include' },
    });
    await source.get();
    const init = fetch.mock.calls[0]?.[1];
    const headers = new Headers(init?.headers);
    expect(init).toMatchObject({ method: 'POST', credentials: 'include' });
    expect(headers.get('x-csrf')).toBe('abc');
    expect(headers.get('accept')).toBe('application/json');
  });
});

describe('createClient({ tokenUrl }) against the real token endpoint and proxy, on fake timers', () => {
  /**
   * Token endpoint + proxy + local API engine, all in process (no sockets, so every timer can
   * be fake). `lie` makes the endpoint announce a longer life than the token really has.
   */
  function world(
    claims: MintTokenOptions = { scope: ['read', 'track'] },
    lie = false,
    endpointSecret = SECRET,
  ) {
    const api = createMockApi({
      keys: [{ key: 'cs_server_key_abcdefghijklmnop', plan: 'pro', balance_usd: 50 }],
    });
    const proxy = createProxy({
      apiKey: 'cs_server_key_abcdefghijklmnop',
      upstream: 'https://contentstats.invalid',
      basePath: '/api/contentstats',
      tokenSecret: SECRET,
      fetch: (input, init) => api.handle(new Request(input, init)),
    });
    const tokens = createTokenEndpoint({ secret: endpointSecret, claims });
    const log: string[] = [];
    const apiDelays: number[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.url === TOKEN_URL) {
        log.push('token');
        const response = await tokens(request);
        if (!lie) return response;
        const body = (await response.json()) as { token: string };
        return json({ ...body, expires_at: new Date(Date.now() + 3_600_000).toISOString() });
      }
      const path = new URL(request.url).pathname.replace('/api/contentstats', '');
      const auth = request.headers.get('authorization') ?? '';
      log.push(`${request.method} ${path} ${auth.slice(-6)}`);
      const delay = apiDelays.shift() ?? 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      return proxy(request);
    }) as typeof globalThis.fetch;
    const client = createClient({
      baseUrl: API,
      tokenUrl: TOKEN_URL,
      fetch,
      retry: false,
      timeoutMs: 60_000,
    });
    return {
      api,
      client,
      log,
      apiDelays,
      count: (what: string) => log.filter((l) => l.startsWith(what)).length,
    };
  }

  it('refreshes before expiry, so the proxy never sees an expired token', async () => {
    const w = world({ scope: 'read', ttlSeconds: 600 });
    await w.client.listVideos();
    await vi.advanceTimersByTimeAsync(9 * 60_000 + 35_000);
    await w.client.listVideos();
    await vi.advanceTimersByTimeAsync(9 * 60_000 + 35_000);
    await w.client.listVideos();
    expect(w.count('token')).toBe(3);
    expect(w.count('GET /api/v1/videos')).toBe(3);
  });

  it('on a 401 fetches a new token once and retries once', async () => {
    // the endpoint claims an hour, the token lives a minute: the proxy answers 401 token_expired
    const w = world({ scope: 'read', ttlSeconds: 60 }, true);
    await w.client.listVideos();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    const list = await w.client.listVideos();
    expect(list.videos).toEqual([]);
    expect(w.count('token')).toBe(2);
    expect(w.count('GET /api/v1/videos')).toBe(3);
  });

  it('gives up after one refresh when the proxy keeps answering 401 (no loop)', async () => {
    const w = world({ scope: 'read' }, false, 'a-different-secret-than-the-proxy-has-000');
    const error = await failure(w.client.listVideos());
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(w.count('token')).toBe(2);
    expect(w.count('GET /api/v1/videos')).toBe(2);
  });

  it('does not restart a query in flight when the token is refreshed meanwhile', async () => {
    const w = world({ scope: 'read', ttlSeconds: 600 });
    await w.client.listVideos();
    await vi.advanceTimersByTimeAsync(560_000);
    // this call takes 20 s; the token enters its refresh window (570 s) while it is in flight
    w.apiDelays.push(20_000);
    const slow = w.client.listVideos();
    await vi.advanceTimersByTimeAsync(15_000);
    const fast = w.client.listVideos();
    await vi.advanceTimersByTimeAsync(1000);
    await expect(fast).resolves.toHaveProperty('videos');
    expect(w.count('token')).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(slow).resolves.toHaveProperty('videos');
    const calls = w.log.filter((l) => l.startsWith('GET'));
    expect(calls).toHaveLength(3);
    // the slow call kept the token it started with; the fast one got the new token
    expect(calls[1]?.slice(-6)).toBe(calls[0]?.slice(-6));
    expect(calls[2]?.slice(-6)).not.toBe(calls[1]?.slice(-6));
  });

  it('shares one token fetch among calls that start together at refresh time', async () => {
    const w = world({ scope: ['read', 'track'], ttlSeconds: 600 });
    await w.client.listVideos();
    await vi.advanceTimersByTimeAsync(9 * 60_000 + 45_000);
    const results = await Promise.all([
      w.client.listVideos(),
      w.client.listVideos({ platform: 'tiktok' }),
      w.client.trackVideo({ video_link: 'https://www.tiktok.com/@ft/video/1', duration_days: 1 }),
    ]);
    expect(results[2]).toMatchObject({ status: 'monitoring' });
    expect(w.count('token')).toBe(2);
  });
});
