import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { readFreshness } from '../../src/client/freshness';
import { FIXTURE_IDS } from '../../src/mock/constants';
import { startMockServer } from '../../src/mock/server';

const HOUR = 3_600_000;
const video = (lastSnapshot: string, status = 'monitoring') => ({
  status,
  created_at: '2026-01-29T08:00:00Z',
  ends_at: '2026-02-05T08:00:00Z',
  snapshots: [{ snapshot_time: lastSnapshot }] as never[],
});

describe('freshness of a video response', () => {
  it("takes the server's max-age, relative to when the answer arrived (minus Age)", () => {
    const headers = new Headers({ 'Cache-Control': 'public, max-age=120', Age: '20' });
    expect(readFreshness(headers, 1_000_000, video('2026-01-29T10:00:00Z'))).toEqual({
      receivedAt: 1_000_000,
      expiresAt: 1_000_000 + 100_000,
      source: 'max-age',
    });
  });

  it('falls back to the last snapshot + 1 h, moved onto this clock by the Date header skew', () => {
    // the viewer's clock is 3 days ahead of the server: the API's times are corrected, not compared
    const serverNow = Date.parse('2026-01-29T10:20:00Z');
    const receivedAt = serverNow + 3 * 24 * HOUR;
    const headers = new Headers({ Date: new Date(serverNow).toUTCString() });
    const f = readFreshness(headers, receivedAt, video('2026-01-29T10:00:00Z'));
    expect(f).toEqual({ receivedAt, expiresAt: receivedAt + 40 * 60_000, source: 'snapshot-time' });
  });

  it('ignores max-age under no-store, and has no deadline once finished', () => {
    const noStore = new Headers({ 'Cache-Control': 'no-store, max-age=60' });
    expect(readFreshness(noStore, 0, video('2026-01-29T10:00:00Z')).source).toBe('snapshot-time');
    expect(readFreshness(new Headers(), 5, video('2026-01-29T10:00:00Z', 'completed'))).toEqual({
      receivedAt: 5,
      expiresAt: null,
      source: 'finished',
    });
  });

  it('comes with every getVideo result from the local API, at its accelerated speed', async () => {
    const server = await startMockServer({ speed: 3600, keys: [{ key: 'k', plan: 'pro', balance_usd: 5 }] });
    try {
      const c = createClient({ baseUrl: server.url, apiKey: 'k' });
      const before = Date.now();
      const tracked = await c.trackVideo({
        video_link: 'https://www.tiktok.com/@f/video/9',
        duration_days: 2,
      });
      const v = await c.getVideo(tracked.id);
      // a simulated hour is a real second here: the next snapshot is due within about a second
      expect(v.freshness.expiresAt).not.toBeNull();
      expect(v.freshness.expiresAt! - before).toBeLessThanOrEqual(2_500);
      expect(v.freshness.expiresAt!).toBeGreaterThanOrEqual(v.freshness.receivedAt);
    } finally {
      await server.close();
    }
  });
});

describe('createClient on a server', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads CONTENTSTATS_API_KEY and CONTENTSTATS_API_URL when not given', async () => {
    const server = await startMockServer({ keys: [{ key: 'env_key', plan: 'free', balance_usd: 3 }] });
    try {
      vi.stubEnv('CONTENTSTATS_API_KEY', 'env_key');
      vi.stubEnv('CONTENTSTATS_API_URL', server.url);
      const c = createClient();
      expect(c.baseUrl).toBe(server.url);
      await expect(c.getUsage()).resolves.toMatchObject({ balance_usd: 3 });
      const fixture = await c.getVideo(FIXTURE_IDS.viral).catch((e: Error) => e);
      expect(fixture).toMatchObject({ code: 'not_found' }); // fixtures belong to the demo key only
    } finally {
      await server.close();
    }
  });

  it('lets explicit options and token auth win over the environment', () => {
    vi.stubEnv('CONTENTSTATS_API_KEY', 'env_key');
    vi.stubEnv('CONTENTSTATS_API_URL', 'http://env.example');
    expect(createClient({ baseUrl: 'http://given.example' }).baseUrl).toBe('http://given.example');
    // a token client must not also pick up the key (createClient refuses two credentials)
    expect(() => createClient({ token: 't' })).not.toThrow();
  });
});
