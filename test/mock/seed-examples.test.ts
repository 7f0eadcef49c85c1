/**
 * The API overview page's own JavaScript examples, run against the local API with
 * only the base URL swapped (and TypeScript's `unknown` catch variable cast). If these
 * break, code copied from the docs would break against the mock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_API_KEY, type MockServer, startMockServer } from '../../src/mock/index';

let server: MockServer;
let BASE: string;

beforeAll(async () => {
  server = await startMockServer({
    keys: [
      { key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 },
      { key: 'cs_poor', plan: 'pro', balance_usd: 1 },
      { key: 'cs_free', plan: 'free', balance_usd: 5 },
    ],
  });
  BASE = server.url; // stands in for https://contentstats.io
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

// "Error Handling" example, verbatim apart from the URL and the cast.
async function trackWithErrorHandling(video_link: string) {
  try {
    const response = await fetch(`${BASE}/api/v1/videos/track`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-API-Key': process.env.CONTENTSTATS_API_KEY as string,
      },
      body: JSON.stringify({ video_link, duration_days: 7 }),
    });

    if (!response.ok) {
      const error = await response.json();

      switch (response.status) {
        case 401:
          throw new Error('Invalid API key');
        case 402:
          throw new Error(`Insufficient balance: ${error.balance}`);
        case 404:
          throw new Error('Video not found or private');
        case 429:
          throw new Error('Rate limit exceeded');
        default:
          throw new Error(error.error || 'Unknown error');
      }
    }

    const data = await response.json();
    return data;
  } catch (error) {
    console.error('TikTok tracking failed:', (error as Error).message);
  }
}

function failures(spy: { mock: { calls: unknown[][] } }): unknown[] {
  return spy.mock.calls.map((call) => call[1]);
}

describe('the seed page examples against the local API', () => {
  it('Quick Integration: tracks with fetch and X-API-Key and logs the video id', async () => {
    vi.stubEnv('CONTENTSTATS_API_KEY', DEMO_API_KEY);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const response = await fetch(`${BASE}/api/v1/videos/track`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-API-Key': process.env.CONTENTSTATS_API_KEY as string,
      },
      body: JSON.stringify({
        video_link: 'https://www.tiktok.com/@user/video/123',
        duration_days: 7,
      }),
    });

    const data = await response.json();
    console.log('Video ID:', data.id);
    expect(log).toHaveBeenCalledWith('Video ID:', expect.stringMatching(/^cm5[a-z0-9]{9}$/));
    expect(data).toMatchObject({
      video_link: 'https://www.tiktok.com/@user/video/123',
      platform: 'tiktok',
      status: 'monitoring',
      estimated_cost: 2.52,
    });

    // Get Video Data: snapshots with BigInt-as-string counts
    const video = await fetch(`${BASE}/api/v1/videos/${data.id}`, {
      headers: { 'X-API-Key': process.env.CONTENTSTATS_API_KEY as string },
    }).then((r) => r.json());
    expect(video.id).toBe(data.id);
    expect(video.snapshots[0]).toMatchObject({
      views: expect.stringMatching(/^\d+$/),
      snapshot_time: expect.any(String),
    });
  });

  it('Error Handling: each case of the switch gets the status it expects', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});

    vi.stubEnv('CONTENTSTATS_API_KEY', 'cs_wrong');
    expect(await trackWithErrorHandling('https://www.tiktok.com/@user/video/1')).toBeUndefined();

    vi.stubEnv('CONTENTSTATS_API_KEY', 'cs_poor');
    await trackWithErrorHandling('https://www.tiktok.com/@user/video/2');

    vi.stubEnv('CONTENTSTATS_API_KEY', DEMO_API_KEY);
    await trackWithErrorHandling('https://www.tiktok.com/@private/video/3');
    await trackWithErrorHandling('https://example.com/not-tiktok');
    const ok = await trackWithErrorHandling('https://www.tiktok.com/@user/video/4');
    expect(ok).toMatchObject({ status: 'monitoring' });

    vi.stubEnv('CONTENTSTATS_API_KEY', 'cs_free');
    for (let i = 0; i < 60; i++) await fetch(`${BASE}/api/v1/usage`, { headers: { 'X-API-Key': 'cs_free' } });
    await trackWithErrorHandling('https://www.tiktok.com/@user/video/5');

    expect(failures(spy)).toEqual([
      'Invalid API key',
      'Insufficient balance: 1',
      'Video not found or private',
      expect.stringMatching(/not a TikTok host/),
      'Rate limit exceeded',
    ]);
  });

  it('Best Practices: checks the balance against /api/v1/usage before tracking', async () => {
    async function canTrack(apiKey: string, estimatedCost: number) {
      const usage = await fetch(`${BASE}/api/v1/usage`, {
        headers: { 'X-API-Key': apiKey },
      }).then((r) => r.json());

      if (usage.balance_usd < estimatedCost) {
        throw new Error('Insufficient balance');
      }
      return usage;
    }
    await expect(canTrack(DEMO_API_KEY, 2.52)).resolves.toMatchObject({ balance_usd: expect.any(Number) });
    await expect(canTrack('cs_poor', 2.52)).rejects.toThrow('Insufficient balance');
  });
});
