import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { ContentStatsError } from '../../src/client/errors';
import { FIXTURE_IDS } from '../../src/mock/constants';
import { type MockServer, startMockServer } from '../../src/mock/server';

let server: MockServer;
const keys = [
  { key: 'cs_demo_key', plan: 'pro' as const, balance_usd: 100 },
  { key: 'k_pro', plan: 'pro' as const, balance_usd: 100 },
  { key: 'k_poor', plan: 'free' as const, balance_usd: 1 },
  { key: 'k_free', plan: 'free' as const, balance_usd: 100 },
  { key: 'k_busy', plan: 'free' as const, balance_usd: 1000 },
];

beforeAll(async () => {
  server = await startMockServer({ keys });
});
afterAll(() => server.close());

const noRetry = { retry: false } as const;
const client = (apiKey: string) => createClient({ baseUrl: server.url, apiKey, ...noRetry });

async function failure(promise: Promise<unknown>): Promise<ContentStatsError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentStatsError);
  return error as ContentStatsError;
}

describe('client against the local API over HTTP: every endpoint', () => {
  it('tracks, reads, lists, stops and reports usage', async () => {
    const c = client('k_pro');
    const seen: number[] = [];
    c.onRateLimit((rl) => seen.push(rl.remaining));

    const tracked = await c.trackVideo({
      video_link: 'https://tiktok.com/@creator/video/7301234567890123456?lang=en',
      duration_days: 7,
    });
    expect(tracked).toMatchObject({
      video_link: 'https://www.tiktok.com/@creator/video/7301234567890123456',
      platform: 'tiktok',
      status: 'monitoring',
      estimated_cost: 2.52,
    });
    expect(tracked.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(tracked.rateLimit).toMatchObject({ limit: 300 });

    const video = await c.getVideo(tracked.id);
    expect(video.id).toBe(tracked.id);
    expect(video.snapshots.length).toBeGreaterThanOrEqual(1);
    expect(video.snapshots[0]?.views).toMatch(/^\d+$/);

    const list = await c.listVideos({ platform: 'tiktok' });
    expect(list.videos.map((v) => v.id)).toContain(tracked.id);

    const stopped = await c.stopTracking(tracked.id);
    expect(stopped.status).toBe('stopped');

    const usage = await c.getUsage();
    expect(usage.balance_usd).toBeLessThan(100);
    expect(usage).toMatchObject({ plan: 'pro' });

    // rate-limit state after every call, on results, on the client and to listeners
    expect(seen).toHaveLength(5);
    expect(seen[4]).toBeLessThan(seen[0] as number);
    expect(c.rateLimit?.remaining).toBe(seen[4]);
    expect(usage.rateLimit?.resetAt).toBeGreaterThan(Date.now());
  });

  it('keeps counts above 2^53 exact', async () => {
    const video = await client('cs_demo_key').getVideo(FIXTURE_IDS.mega);
    const views = video.snapshots[0]?.views ?? '0';
    expect(BigInt(views)).toBeGreaterThan(2n ** 53n);
    expect(views).toBe(BigInt(views).toString());
  });
});

describe('client errors: a typed error a person can act on', () => {
  it('401 for an unknown key', async () => {
    const error = await failure(client('nope').getUsage());
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(error.message).toMatch(/refused/);
    expect(error.message).not.toContain('nope');
  });

  it('402 with the balance', async () => {
    const error = await failure(
      client('k_poor').trackVideo({ video_link: 'https://www.tiktok.com/@a/video/1', duration_days: 7 }),
    );
    expect(error).toMatchObject({ code: 'insufficient_balance', status: 402, balance: 1 });
    expect(error.message).toContain('$1.00');
  });

  it('404 for a private video and for an unknown id', async () => {
    const c = client('k_pro');
    const privateVideo = await failure(
      c.trackVideo({ video_link: 'https://www.tiktok.com/@private/video/1', duration_days: 1 }),
    );
    expect(privateVideo).toMatchObject({ code: 'not_found', status: 404 });
    expect(privateVideo.message).toMatch(/not found or private/i);
    expect(await failure(c.getVideo('cm5doesnotexist'))).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('409 for a video already tracked, 403 past the plan limit', async () => {
    const c = client('k_free');
    await c.trackVideo({ video_link: 'https://www.tiktok.com/@dup/video/1', duration_days: 1 });
    expect(
      await failure(c.trackVideo({ video_link: 'https://www.tiktok.com/@dup/video/1', duration_days: 1 })),
    ).toMatchObject({
      code: 'conflict',
      status: 409,
    });
    for (let i = 2; i <= 10; i++)
      await c.trackVideo({ video_link: `https://www.tiktok.com/@dup/video/${i}`, duration_days: 1 });
    const limit = await failure(
      c.trackVideo({ video_link: 'https://www.tiktok.com/@dup/video/11', duration_days: 1 }),
    );
    expect(limit).toMatchObject({ code: 'forbidden', status: 403 });
    expect(limit.message).toMatch(/limit/i);
  });

  it('400 from the API for a bad parameter, and local refusals that send nothing', async () => {
    const c = client('k_pro');
    expect(await failure(c.listVideos({ platform: 'Tik Tok!' }))).toMatchObject({
      code: 'invalid_request',
      status: 400,
    });
    const before = server.api.requestCount();
    expect(
      await failure(c.trackVideo({ video_link: 'https://tiktok.com.evil.io/@a/video/1', duration_days: 7 })),
    ).toMatchObject({
      code: 'invalid_request',
      status: 0,
    });
    expect(
      await failure(c.trackVideo({ video_link: 'https://www.tiktok.com/@a/video/1', duration_days: 0 })),
    ).toMatchObject({
      code: 'invalid_request',
    });
    expect(await failure(c.getVideo('../usage'))).toMatchObject({ code: 'invalid_request' });
    expect(server.api.requestCount()).toBe(before);
  });

  it('429 with the time to retry once the plan limit is spent', async () => {
    const c = client('k_busy');
    let error: ContentStatsError | undefined;
    for (let i = 0; i < 61 && !error; i++) {
      await c.getUsage().catch((e: ContentStatsError) => {
        error = e;
      });
    }
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(error?.retryAt).toBeGreaterThan(Date.now());
    expect(error?.retryAt).toBeLessThanOrEqual(Date.now() + 61_000);
    expect(error?.rateLimit).toMatchObject({ limit: 60, remaining: 0 });
    expect(error?.message).toMatch(/Try again in \d+ s/);
  });

  it('network failure when nothing listens', async () => {
    const c = createClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k_pro', retry: false });
    const error = await failure(c.getUsage());
    expect(error).toMatchObject({ code: 'network', status: 0 });
    expect(error.message).toMatch(/Could not reach/);
  });
});
