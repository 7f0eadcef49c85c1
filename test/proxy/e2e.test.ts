import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, isContentStatsError } from '../../src/client/index';
import { API_KEY, type Harness, startHarness } from './harness';
import { expectNoLeaks } from './leaks';

/** Everything that crossed the wire between the "browser" (the client) and the proxy. */
interface Exchange {
  url: string;
  method: string;
  requestHeaders: Record<string, string>;
  requestBody: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

describe('browser client → token endpoint → proxy → local API', () => {
  let h: Harness;
  const traffic: Exchange[] = [];

  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const requestBody = request.body === null ? '' : await request.clone().text();
    const response = await fetch(request);
    traffic.push({
      url: request.url,
      method: request.method,
      requestHeaders: Object.fromEntries(request.headers),
      requestBody,
      status: response.status,
      responseHeaders: Object.fromEntries(response.headers),
      responseBody: await response.clone().text(),
    });
    if (request.url.startsWith(h.url)) {
      const last = traffic.at(-1);
      h.seen.push(JSON.stringify(last?.responseHeaders), last?.responseBody ?? '');
    }
    return response;
  };

  const browserClient = (role: 'reader' | 'tracker') =>
    createClient({
      baseUrl: h.url,
      tokenUrl: `${h.origin}/token`,
      tokenRequestInit: { headers: { 'X-Demo-Role': role } },
      fetch: recordingFetch,
      retry: false,
    });

  beforeAll(async () => {
    h = await startHarness({
      // the host app decides what each signed-in user may do
      tokenClaims: (request) => {
        const role = request.headers.get('x-demo-role');
        if (role === 'reader') return { scope: 'read' };
        if (role === 'tracker') return { scope: 'track' };
        return null;
      },
    });
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => {
    const bearers = traffic
      .map((t) => t.requestHeaders.authorization?.replace(/^Bearer /, ''))
      .filter(Boolean);
    expect(bearers.length).toBeGreaterThan(0);
    expectNoLeaks(h, bearers as string[]);
    await h.close();
  });

  it('reads with a read-scoped token, tracks only with a track-scoped token, and never carries the key', async () => {
    const reader = browserClient('reader');
    const tracker = browserClient('tracker');
    const link = 'https://www.tiktok.com/@e2e/video/7301234567890123456';

    const refused = await reader.trackVideo({ video_link: link, duration_days: 7 }).catch((e: unknown) => e);
    expect(isContentStatsError(refused) && refused.code).toBe('forbidden');
    expect(isContentStatsError(refused) && refused.apiMessage).toBe(
      'This access token does not allow "track" (it allows: read).',
    );
    expect(h.upstream.count('POST /api/v1/videos/track')).toBe(0);

    const tracked = await tracker.trackVideo({ video_link: link, duration_days: 7 });
    expect(tracked).toMatchObject({ video_link: link, status: 'monitoring', estimated_cost: 2.52 });
    expect(h.upstream.count('POST /api/v1/videos/track')).toBe(1);

    const trackerRead = await tracker.getVideo(tracked.id).catch((e: unknown) => e);
    expect(isContentStatsError(trackerRead) && trackerRead.code).toBe('forbidden');

    const video = await reader.getVideo(tracked.id);
    expect(video.id).toBe(tracked.id);
    expect(video.snapshots.length).toBeGreaterThanOrEqual(1);
    expect(video.snapshots[0]?.views).toMatch(/^\d+$/);
    expect(video.rateLimit).toMatchObject({ limit: 300 });
    const list = await reader.listVideos();
    expect(list.videos.map((v) => v.id)).toContain(tracked.id);

    // one token per client, cached across calls
    expect(traffic.filter((t) => t.url.endsWith('/token'))).toHaveLength(2);
    const toProxy = traffic.filter((t) => t.url.startsWith(h.url));
    expect(toProxy.length).toBe(5);
    for (const exchange of toProxy) {
      expect(exchange.requestHeaders.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      expect(exchange.requestHeaders['x-api-key']).toBeUndefined();
    }
    expect(JSON.stringify(traffic)).not.toContain(API_KEY);
    // ...while every upstream call carried it
    expect(h.upstream.calls.every((c) => c.headers['x-api-key'] === API_KEY)).toBe(true);
  });

  it('fetches a fresh token once the old one nears expiry, and keeps reading', async () => {
    const reader = browserClient('reader');
    const before = traffic.filter((t) => t.url.endsWith('/token')).length;
    await reader.listVideos();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 9 * 60_000 + 40_000);
    await reader.listVideos();
    await reader.listVideos();
    expect(traffic.filter((t) => t.url.endsWith('/token')).length - before).toBe(2);
  });

  it('surfaces a refused token request as unauthorized', async () => {
    const stranger = createClient({
      baseUrl: h.url,
      tokenUrl: `${h.origin}/token`,
      fetch: recordingFetch,
      retry: false,
    });
    const error = await stranger.listVideos().catch((e: unknown) => e);
    expect(isContentStatsError(error) && error.code).toBe('unauthorized');
  });
});
