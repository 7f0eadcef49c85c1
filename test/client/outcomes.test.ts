import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/createClient';
import type { ContentStatsError } from '../../src/client/errors';
import { type MockServer, startMockServer } from '../../src/mock/server';
import { type Fault, type FaultServer, startFaultServer } from '../helpers/faultServer';

// Every failure says whether the request may have been applied: what a "Try again" button needs
// to know before it spends a customer's credits a second time.

let mock: MockServer;
let fault: FaultServer | undefined;
const KEY = 'k_outcomes';
const LINK = (n: number) => `https://www.tiktok.com/@outcome/video/${n}`;

beforeAll(async () => {
  mock = await startMockServer({ keys: [{ key: KEY, plan: 'pro', balance_usd: 100 }] });
});
afterAll(() => mock.close());
afterEach(async () => {
  await fault?.close();
  fault = undefined;
});

/** The error a call fails with (the test fails if it succeeds). */
function failure(call: Promise<unknown>): Promise<ContentStatsError> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as ContentStatsError,
  );
}

async function faulty(plan: (i: number) => Fault) {
  fault = await startFaultServer(mock.url, plan);
  return fault;
}

describe('outcome of a failed request', () => {
  it('is not_applied for a definite refusal (4xx) and for a link refused before sending', async () => {
    const c = createClient({ baseUrl: mock.url, apiKey: KEY, retry: false });
    const notFound = await failure(c.getVideo('nosuchvideo'));
    expect(notFound).toMatchObject({ code: 'not_found', outcome: 'not_applied' });
    const badLink = await failure(
      c.trackVideo({ video_link: 'https://tiktok.com.evil.io/@a/video/1', duration_days: 7 }),
    );
    expect(badLink).toMatchObject({ code: 'invalid_request', outcome: 'not_applied' });
  });

  it('is not_applied when the connection is refused (nothing was sent)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const c = createClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, retry: false });
    const error = await failure(c.getUsage());
    expect(error).toMatchObject({ code: 'network', outcome: 'not_applied' });
  });

  it('is unknown when the answer is lost after the API acted, and carries the idempotency key', async () => {
    const before = mock.api.requestCount('POST /api/v1/videos/track');
    const f = await faulty(() => 'drop-after-forward');
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: false });
    const error = await failure(
      c.trackVideo({ video_link: LINK(1), duration_days: 1 }, { idempotencyKey: 'key-lost-answer' }),
    );
    expect(error).toMatchObject({ code: 'network', outcome: 'unknown', idempotencyKey: 'key-lost-answer' });
    // it was in fact created: resubmitting with the key returns that tracking, no second one
    expect(mock.api.requestCount('POST /api/v1/videos/track')).toBe(before + 1);
    const direct = createClient({ baseUrl: mock.url, apiKey: KEY, retry: false });
    const again = await direct.trackVideo(
      { video_link: LINK(1), duration_days: 1 },
      { idempotencyKey: error.idempotencyKey as string },
    );
    const list = await direct.listVideos();
    expect(list.videos.filter((v) => v.id === again.id)).toHaveLength(1);
  });

  it('is unknown after a 5xx or a timeout once sent, not_applied on a 429', async () => {
    const f = await faulty((i) =>
      i === 0
        ? { status: 503, body: '{"error":"down"}' }
        : i === 1
          ? 'hang'
          : { status: 429, body: '{"error":"slow down"}', headers: { 'Retry-After': '30' } },
    );
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: false, timeoutMs: 100 });
    await expect(c.getUsage()).rejects.toMatchObject({ code: 'server', outcome: 'unknown' });
    await expect(c.getUsage()).rejects.toMatchObject({ code: 'timeout', outcome: 'unknown' });
    await expect(c.getUsage()).rejects.toMatchObject({ code: 'rate_limited', outcome: 'not_applied' });
  });
});

describe('track with an unreadable answer', () => {
  it('retries a truncated or non-JSON 2xx with the same key and gets the one tracking', async () => {
    // first attempt answered with a cut-off body; the second passes to the API
    let forwarded = 0;
    fault = await startFaultServer(mock.url, (i) => {
      forwarded = i + 1;
      return i === 0 ? { status: 201, body: '{"id":"cm5' } : 'pass';
    });
    const keys: string[] = [];
    const c = createClient({
      baseUrl: fault.url,
      apiKey: KEY,
      retry: { retries: 2, baseDelayMs: 1 },
      fetch: (input, init) => {
        keys.push(new Headers(init?.headers).get('Idempotency-Key') ?? '');
        return fetch(input, init);
      },
    });
    const tracked = await c.trackVideo({ video_link: LINK(2), duration_days: 1 });
    expect(tracked.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(forwarded).toBe(2);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('gives up as invalid_response with outcome unknown and the key when every answer is unreadable', async () => {
    const f = await faulty(() => ({ status: 201, body: 'not json at all' }));
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: { retries: 1, baseDelayMs: 1 } });
    const error = await failure(
      c.trackVideo({ video_link: LINK(3), duration_days: 1 }, { idempotencyKey: 'k-unreadable' }),
    );
    expect(error).toMatchObject({
      code: 'invalid_response',
      outcome: 'unknown',
      idempotencyKey: 'k-unreadable',
    });
    expect(f.seen).toHaveLength(2);
  });

  it('does not retry an unreadable answer to a read (no key makes a repeat safe to hide)', async () => {
    const f = await faulty(() => ({ status: 200, body: '{"truncated' }));
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: { retries: 2, baseDelayMs: 1 } });
    await expect(c.getVideo('v1')).rejects.toMatchObject({ code: 'invalid_response' });
    expect(f.seen).toHaveLength(1);
  });
});

describe("the API's and the proxy's own words", () => {
  it('names the existing tracking on a 409', async () => {
    const c = createClient({ baseUrl: mock.url, apiKey: KEY, retry: false });
    const first = await c.trackVideo({ video_link: LINK(4), duration_days: 1 });
    const error = await failure(c.trackVideo({ video_link: LINK(4), duration_days: 1 }));
    expect(error).toMatchObject({ code: 'conflict', status: 409, existingId: first.id });
  });

  it('keeps the code and message that tell two 403s and two 401s apart', async () => {
    const answers: Fault[] = [
      { status: 403, body: '{"error":"This token may not track videos.","code":"missing_scope"}' },
      { status: 403, body: '{"error":"This token belongs to another site.","code":"origin_mismatch"}' },
      { status: 401, body: '{"error":"The X-API-Key header is missing."}' },
    ];
    const f = await faulty((i) => answers[i] ?? 'pass');
    const c = createClient({ baseUrl: f.url, apiKey: KEY, retry: false });
    const scope = await failure(c.getUsage());
    const origin = await failure(c.getUsage());
    const missing = await failure(c.getUsage());
    expect(scope).toMatchObject({ code: 'forbidden', apiCode: 'missing_scope' });
    expect(scope.message).toContain('This token may not track videos');
    expect(origin).toMatchObject({ code: 'forbidden', apiCode: 'origin_mismatch' });
    expect(origin.message).toContain('another site');
    expect(missing).toMatchObject({ code: 'unauthorized', apiCode: undefined });
    expect(missing.message).toContain('The X-API-Key header is missing');
  });

  it('does not retry a proxy whose own key the API refused (upstream_unauthorized)', async () => {
    const f = await faulty(() => ({
      status: 502,
      body: '{"error":"The ContentStats API refused the server key.","code":"upstream_unauthorized"}',
    }));
    const c = createClient({ baseUrl: f.url, retry: { retries: 3, baseDelayMs: 1 } });
    const error = await failure(c.getUsage());
    expect(error).toMatchObject({ code: 'server', apiCode: 'upstream_unauthorized', retryable: false });
    expect(error.outcome).toBe('not_applied');
    expect(f.seen).toHaveLength(1);
  });
});
