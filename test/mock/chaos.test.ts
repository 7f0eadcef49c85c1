import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/createClient';
import type { ContentStatsError } from '../../src/client/errors';
import { createMockApi } from '../../src/mock/engine';
import { parseChaosSpec } from '../../src/mock/internal/chaos-spec';
import { parseCliArgs } from '../../src/mock/internal/cli-args';
import { createHandlers } from '../../src/mock/msw';
import { type MockServer, startMockServer } from '../../src/mock/server';
import type { MockChaosRecord } from '../../src/mock/types';
import { runRandomTracks } from '../helpers/randomTracks';

// The local API misbehaving on purpose, over real HTTP: each fault does what its name says, and
// the client's retries with one Idempotency-Key never turn a lost answer into a second charge.

const KEY = 'k_chaos';
const COST = 0.015; // snapshot 0, charged when a tracking is created (the clock runs at 1×: no hour passes)
const LINK = (n: number) => `https://www.tiktok.com/@chaos/video/${n}`;
let server: MockServer;
let n = 0;
const nextLink = () => LINK(++n);

beforeAll(async () => {
  server = await startMockServer({ keys: [{ key: KEY, plan: 'enterprise', balance_usd: 1000 }] });
});
afterAll(() => server.close());
afterEach(() => server.chaos.clear());

const client = (extra: Parameters<typeof createClient>[0] = {}) =>
  createClient({ baseUrl: server.url, apiKey: KEY, retry: false, timeoutMs: 2000, ...extra });

function failure(call: Promise<unknown>): Promise<ContentStatsError> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as ContentStatsError,
  );
}

/** A raw POST /videos/track, to look at the bytes a fault leaves. */
function rawTrack(link: string, key = 'raw-key'): Promise<Response> {
  return fetch(`${server.url}/api/v1/videos/track`, {
    method: 'POST',
    headers: { 'X-API-Key': KEY, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ video_link: link, duration_days: 1 }),
  });
}

const trackingsOf = (link: string) =>
  client()
    .listVideos()
    .then((list) => list.videos.filter((v) => v.video_link === link));

const tracks = () => server.api.requestCount('POST /api/v1/videos/track');

describe('each chaos kind', () => {
  it('latency delays every answer by the given ms', async () => {
    server.chaos.set({ latencyMs: 120 });
    const started = performance.now();
    await client().getUsage();
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(server.chaos.log.at(-1)).toMatchObject({ kind: null, acted: true, status: 200 });
  });

  it('error answers 500, 502 or 503 without the API acting', async () => {
    const before = tracks();
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      server.chaos.once('error');
      const link = nextLink();
      const error = await failure(client().trackVideo({ video_link: link, duration_days: 1 }));
      expect(error).toMatchObject({ code: 'server', outcome: 'unknown' });
      statuses.add(error.status);
    }
    expect([...statuses].sort()).toEqual([500, 502, 503]);
    expect(tracks()).toBe(before);

    server.chaos.set({ errorStatuses: [503] });
    server.chaos.once('error');
    await expect(client().getUsage()).rejects.toMatchObject({ code: 'server', status: 503 });
  });

  it('resetBefore drops the connection and nothing is tracked or charged', async () => {
    const balance = server.api.balance(KEY);
    const link = nextLink();
    server.chaos.once('resetBefore');
    const error = await failure(client().trackVideo({ video_link: link, duration_days: 1 }));
    // the client cannot tell a reset before from one after: it must say it does not know
    expect(error).toMatchObject({ code: 'network', outcome: 'unknown' });
    expect(await trackingsOf(link)).toHaveLength(0);
    expect(server.api.balance(KEY)).toBe(balance);
  });

  it('resetAfter loses the answer of a tracking that was created and charged; the same key replays it', async () => {
    const balance = server.api.balance(KEY);
    const link = nextLink();
    server.chaos.once('resetAfter');
    const error = await failure(client().trackVideo({ video_link: link, duration_days: 1 }));
    expect(error).toMatchObject({ code: 'network', outcome: 'unknown' });
    const created = await trackingsOf(link);
    expect(created).toHaveLength(1);
    expect(server.api.balance(KEY)).toBeCloseTo(balance - COST, 9);

    const again = await client().trackVideo(
      { video_link: link, duration_days: 1 },
      { idempotencyKey: error.idempotencyKey as string },
    );
    expect(again.id).toBe(created[0]?.id);
    expect(await trackingsOf(link)).toHaveLength(1);
    expect(server.api.balance(KEY)).toBeCloseTo(balance - COST, 9);
  });

  it('truncate cuts the JSON answer in half, after the API acted', async () => {
    const link = nextLink();
    server.chaos.once('truncate');
    const response = await rawTrack(link, 'k-truncate');
    const text = await response.text();
    expect(response.status).toBe(201);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    // the API acted: the tracking exists, and the missing half is the rest of its real answer (replayed)
    const [tracking] = await trackingsOf(link);
    const replay = await (await rawTrack(link, 'k-truncate')).text();
    expect(replay.startsWith(text)).toBe(true);
    expect(text.length).toBe(Math.floor(replay.length / 2));
    expect((JSON.parse(replay) as { id: string }).id).toBe(tracking?.id);
  });

  it('malformed breaks the JSON answer, after the API acted; the client reports it as unknown', async () => {
    const link = nextLink();
    server.chaos.once('malformed');
    const error = await failure(client().trackVideo({ video_link: link, duration_days: 1 }));
    expect(error).toMatchObject({ code: 'invalid_response', status: 201, outcome: 'unknown' });
    expect(await trackingsOf(link)).toHaveLength(1);

    server.chaos.once('malformed');
    const raw = await (await fetch(`${server.url}/api/v1/usage`, { headers: { 'X-API-Key': KEY } })).text();
    expect(raw).toMatch(/,\}$/);
    expect(() => JSON.parse(raw)).toThrow(SyntaxError);
  });

  it('burst429 answers a burst of 429s with Retry-After, and the client waits that long', async () => {
    server.chaos.set({ burstLength: 2, retryAfterSeconds: 1 });
    server.chaos.once('burst429');
    const statuses: number[] = [];
    const retryAfter: (string | null)[] = [];
    const at: number[] = [];
    const c = client({
      retry: { retries: 4, baseDelayMs: 1, maxDelayMs: 5 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        statuses.push(response.status);
        retryAfter.push(response.headers.get('retry-after'));
        at.push(performance.now());
        return response;
      },
    });
    const usage = await c.getUsage();
    expect(usage.plan).toBe('enterprise');
    expect(statuses).toEqual([429, 429, 200]);
    expect(retryAfter.slice(0, 2)).toEqual(['1', '1']);
    for (let i = 1; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(990);
    expect(server.chaos.counts().burst429).toBe(2);
  }, 10_000);

  it('a 429 after an attempt the API acted on still says unknown (regression: it said not_applied)', async () => {
    const link = nextLink();
    server.chaos.set({ burstLength: 1, retryAfterSeconds: 30 });
    server.chaos.once('resetAfter');
    server.chaos.once('burst429');
    // the second attempt is refused with a reset 30 s away: the client gives up at once
    const c = client({ retry: { retries: 2, baseDelayMs: 1, maxRetryAfterMs: 1000 } });
    const error = await failure(c.trackVideo({ video_link: link, duration_days: 1 }));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, outcome: 'unknown' });
    expect(await trackingsOf(link)).toHaveLength(1);
  });

  it('stall never answers until the client times out; the server keeps serving others', async () => {
    server.chaos.once('stall');
    const error = await failure(client({ timeoutMs: 150 }).getUsage());
    expect(error).toMatchObject({ code: 'timeout', outcome: 'unknown' });
    await expect(client().getUsage()).resolves.toMatchObject({ plan: 'enterprise' });
    expect(server.chaos.log.at(-1)).toMatchObject({ kind: 'stall', acted: false, status: null });
  });

  it('a server closing with a stalled answer ends its connection', async () => {
    const other = await startMockServer({ keys: [{ key: KEY, plan: 'pro', balance_usd: 1 }] });
    other.chaos.once('stall');
    const pending = fetch(`${other.url}/api/v1/usage`, { headers: { 'X-API-Key': KEY } });
    await expect.poll(() => other.chaos.log.length).toBe(1);
    await other.close();
    await expect(pending).rejects.toThrow(TypeError);
  });

  it('match limits chaos to the requests it names; others pass untouched and unlogged', async () => {
    server.chaos.set({ error: 1, errorStatuses: [502], match: 'POST /api/v1/videos/track' });
    server.chaos.once('resetBefore');
    const logged = server.chaos.log.length;
    await expect(client().getUsage()).resolves.toMatchObject({ plan: 'enterprise' });
    await expect(client().listVideos()).resolves.toMatchObject({ videos: expect.any(Array) });
    expect(server.chaos.log).toHaveLength(logged);
    // the queued reset waited for the first matching request; the rate applies after it
    const c = client();
    await expect(c.trackVideo({ video_link: nextLink(), duration_days: 1 })).rejects.toMatchObject({
      code: 'network',
    });
    await expect(c.trackVideo({ video_link: nextLink(), duration_days: 1 })).rejects.toMatchObject({
      status: 502,
    });
    expect(server.chaos.log.slice(logged).map((r) => r.kind)).toEqual(['resetBefore', 'error']);
  });

  it('off by default and after clear(): answers untouched and nothing logged', async () => {
    const other = await startMockServer({ keys: [{ key: KEY, plan: 'pro', balance_usd: 1 }] });
    try {
      const c = createClient({ baseUrl: other.url, apiKey: KEY, retry: false });
      await c.getUsage();
      other.chaos.set({ error: 1 });
      await expect(c.getUsage()).rejects.toMatchObject({ code: 'server' });
      other.chaos.clear();
      await expect(c.getUsage()).resolves.toMatchObject({ plan: 'pro' });
      expect(other.chaos.log).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('chaos settings', () => {
  it('the same seed gives the same faults for the same requests', async () => {
    const run = async (seed: string) => {
      const api = createMockApi({
        keys: [{ key: KEY, plan: 'enterprise', balance_usd: 10 }],
        chaos: { error: 0.3, truncate: 0.2, resetBefore: 0.2, seed },
      });
      for (let i = 0; i < 40; i++) {
        const response = await api.handle(
          new Request('http://mock.test/api/v1/usage', { headers: { 'X-API-Key': KEY } }),
        );
        await response.arrayBuffer().catch(() => undefined);
      }
      return api.chaos?.log.map((r) => r.kind ?? 'none');
    };
    const a = await run('s1');
    expect(await run('s1')).toEqual(a);
    expect(await run('s2')).not.toEqual(a);
    expect(new Set(a)).toEqual(new Set(['none', 'error', 'truncate', 'resetBefore']));
  });

  it('the engine turns a reset into Response.error(), which MSW and the server treat as a dropped connection', async () => {
    const api = createMockApi({ keys: [{ key: KEY, plan: 'pro', balance_usd: 10 }], chaos: {} });
    api.chaos?.once('resetAfter');
    const response = await api.handle(
      new Request('http://mock.test/api/v1/usage', { headers: { 'X-API-Key': KEY } }),
    );
    expect(response.type).toBe('error');
    expect(api.chaos?.log[0]).toMatchObject({ kind: 'resetAfter', acted: true, status: 200 });
  });

  it('under MSW, a reset from the engine fails the fetch as a dropped connection would', async () => {
    const api = createMockApi({ keys: [{ key: KEY, plan: 'pro', balance_usd: 10 }], chaos: {} });
    const msw = setupServer(...createHandlers(api, { baseUrl: 'http://msw.test' }));
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      const c = createClient({ baseUrl: 'http://msw.test', apiKey: KEY, retry: false });
      api.chaos?.once('resetBefore');
      await expect(c.getUsage()).rejects.toMatchObject({ code: 'network', outcome: 'unknown' });
      await expect(c.getUsage()).resolves.toMatchObject({ plan: 'pro' });
    } finally {
      msw.close();
    }
  });

  it('--chaos parses rates, percentages, latency ranges and settings', () => {
    expect(
      parseChaosSpec(
        'latency=50-200,error=0.1,reset-before=0.05,reset-after=5%,truncate=0.05,malformed=0.02,burst429=0.05,stall=0.01,burst=4,retry-after=2,stall-ms=1000,seed=x',
      ),
    ).toEqual({
      latencyMs: [50, 200],
      error: 0.1,
      resetBefore: 0.05,
      resetAfter: 0.05,
      truncate: 0.05,
      malformed: 0.02,
      burst429: 0.05,
      stall: 0.01,
      burstLength: 4,
      retryAfterSeconds: 2,
      stallMs: 1000,
      seed: 'x',
    });
    expect(parseCliArgs(['--chaos', 'latency=200'])).toMatchObject({
      kind: 'serve',
      chaos: { latencyMs: 200 },
    });
    expect(parseCliArgs([])).toMatchObject({ kind: 'serve', chaos: undefined });
    expect(parseChaosSpec('error=1,error-status=502/503')).toEqual({ error: 1, errorStatuses: [502, 503] });
    expect(parseChaosSpec('stall=1,only=GET /api/v1/videos/')).toEqual({
      stall: 1,
      match: 'GET /api/v1/videos/',
    });
  });

  it.each([
    ['error=2', /probability/],
    ['error=0.6,stall=0.6', /add up to 1\.2/],
    ['latency=200-100', /latencyMs/],
    ['latency=fast', /MIN-MAX/],
    ['jitter=1', /unknown name "jitter"/],
    ['error', /NAME=VALUE/],
    ['error=0.1,error=0.2', /twice/],
    ['burst=0', /burstLength/],
    ['error-status=404', /5xx/],
    ['only=videos', /match must be a path/],
  ])('--chaos %s is refused with a reason', (spec, reason) => {
    expect(() => parseCliArgs(['--chaos', spec])).toThrow(reason);
  });
});

describe('1,000 randomized track attempts under mixed chaos', () => {
  it('record no duplicate tracking, no double charge, and say unknown whenever the API acted', async () => {
    const keys = ['k_mix0', 'k_mix1', 'k_mix2', 'k_mix3', 'k_mix4'];
    const START_USD = 10_000;
    const mix = await startMockServer({
      keys: keys.map((key) => ({ key, plan: 'enterprise' as const, balance_usd: START_USD })),
      chaos: {
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
        stallMs: 2000,
        seed: 'thousand',
      },
    });
    try {
      const clients = keys.map((apiKey) =>
        createClient({
          baseUrl: mix.url,
          apiKey,
          timeoutMs: 250,
          retry: { retries: 3, baseDelayMs: 2, maxDelayMs: 20, maxRetryAfterMs: 2000 },
        }),
      );
      const results = await runRandomTracks(clients, {
        count: 1000,
        seed: 12345,
        link: (n) => LINK(900_000 + n),
        linkCount: 700,
        concurrency: 40,
      });
      mix.chaos.clear();

      // every fault happened, and some calls failed for good: the checks below have something to check
      const counts = mix.chaos.counts();
      for (const kind of Object.keys(counts) as (keyof typeof counts)[])
        expect(counts[kind], kind).toBeGreaterThan(0);
      const failed = results.filter((r) => r.error);
      expect(results).toHaveLength(1000);
      expect(failed.length).toBeGreaterThan(0);

      const byKey = new Map<string, MockChaosRecord[]>();
      for (const record of mix.chaos.log) {
        if (record.idempotencyKey === null) continue;
        const list = byKey.get(record.idempotencyKey) ?? [];
        list.push(record);
        byKey.set(record.idempotencyKey, list);
      }
      const created = (key: string | undefined) =>
        (byKey.get(key ?? '') ?? []).some((r) => r.acted && r.status === 201);
      for (const { error } of failed) {
        if (!error) continue;
        // (a retry that ran into its own tracking would be a 409, not_applied: caught here too)
        expect(error.idempotencyKey, error.message).toEqual(expect.any(String));
        if (created(error.idempotencyKey))
          expect(error.outcome, `${error.code}: ${error.message}`).toBe('unknown');
      }

      let trackings = 0;
      for (const [i, apiKey] of keys.entries()) {
        const direct = createClient({ baseUrl: mix.url, apiKey, retry: false });
        const { videos } = await direct.listVideos();
        const perLink = new Map<string, number>();
        for (const v of videos) perLink.set(v.video_link, (perLink.get(v.video_link) ?? 0) + 1);
        const duplicates = [...perLink].filter(([, count]) => count > 1);
        expect(duplicates).toEqual([]);
        // no double charge: what was spent is one snapshot per distinct tracking
        const spent = START_USD - mix.api.balance(apiKey);
        expect(spent).toBeCloseTo(videos.length * COST, 6);
        // every success is one of them; a 409 names one of them
        trackings += videos.length;
        const ids = new Set(videos.map((v) => v.id));
        for (const r of results.filter((x) => x.client === i)) {
          if (r.id) expect(ids.has(r.id)).toBe(true);
          // (a 409 whose body chaos garbled names none)
          const existing = r.error?.code === 'conflict' ? r.error.existingId : undefined;
          if (existing !== undefined) expect(ids.has(existing)).toBe(true);
        }
      }
      // one tracking per call that got one created, however many attempts it took
      expect(trackings).toBe([...byKey.keys()].filter((key) => created(key)).length);
    } finally {
      await mix.close();
    }
  }, 30_000);
});
