import type { OutgoingHttpHeaders } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, type Harness, startFakeUpstream, startHarness } from './harness';
import { expectNoLeaks } from './leaks';

// far from the machine's clock on purpose: only the API's Date may be read against its snapshot times
const API_NOW = '2031-03-04T12:20:00Z';
const HTTP_DATE = new Date(API_NOW).toUTCString();

const video = (id: string, status = 'monitoring') => ({
  id,
  status,
  snapshots: [
    { snapshot_time: '2031-03-04T11:00:00Z', views: '10' },
    { snapshot_time: '2031-03-04T12:00:00Z', views: '20' },
  ],
});

const maxAgeOf = (header: unknown) => Number(/^private, max-age=(\d+)$/.exec(String(header))?.[1]);

describe('video freshness: the API says how long, on its own clock (issue 7, item 1)', () => {
  let fake: Awaited<ReturnType<typeof startFakeUpstream>>;
  let h: Harness;
  let token: string;
  let n = 0;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    h = await startHarness({ upstreamUrl: fake.url });
    token = await h.token({ scope: 'read', ttlSeconds: 86_400 });
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => {
    expectNoLeaks(h, [token]);
    await h.close();
    await fake.close();
  });

  /** A fresh video id the fake API answers with `headers`. */
  const serve = (headers: OutgoingHttpHeaders, status = 'monitoring') => {
    const id = `vid_fresh_${++n}`;
    fake.set((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(video(id, status)));
    });
    return id;
  };
  const get = (id: string, headers: Record<string, string> = {}) =>
    h.proxy('GET', `/api/v1/videos/${id}`, { headers: bearer(token, headers) });

  it("tells the browser's cache the answer varies with the credentials, on misses and hits (regression: a bad token was answered from the browser cache)", async () => {
    const id = serve({ 'Cache-Control': 'max-age=120', Date: HTTP_DATE });
    for (const answer of [await get(id), await get(id)]) {
      const vary = String(answer.headers.vary ?? '').split(/,\s*/);
      expect(vary).toEqual(expect.arrayContaining(['Authorization', 'Cookie']));
    }
  });

  it("uses the API's max-age and passes its Date (the proxy used to compute from its own clock)", async () => {
    const id = serve({ 'Cache-Control': 'max-age=120', Date: HTTP_DATE });
    const first = await get(id);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('private, max-age=120');
    expect(first.headers.date).toBe(HTTP_DATE);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await get(id);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(maxAgeOf(second.headers['cache-control'])).toBeGreaterThanOrEqual(119);
    expect(maxAgeOf(second.headers['cache-control'])).toBeLessThanOrEqual(120);
    expect(fake.hits).toHaveLength(1);
  });

  it('counts the Age the answer already has against its max-age', async () => {
    const id = serve({ 'Cache-Control': 'public, max-age=100', Age: '30', Date: HTTP_DATE });
    expect((await get(id)).headers['cache-control']).toBe('private, max-age=70');
  });

  it("without max-age, keeps a video until its next snapshot on the API's Date, never the proxy's clock", async () => {
    const id = serve({ Date: HTTP_DATE });
    const first = await get(id);
    // last snapshot 12:00 + 1 h + 5 s grace, the API says it is 12:20
    expect(first.headers['cache-control']).toBe(`private, max-age=${40 * 60 + 5}`);
    expect(first.headers.date).toBe(HTTP_DATE);
  });

  it('tells the time left and the API clock moved on, on cache hits and 304s alike', async () => {
    const id = serve({ Date: HTTP_DATE });
    const first = await get(id);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 600_000);
    const hit = await get(id);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(maxAgeOf(hit.headers['cache-control'])).toBeGreaterThanOrEqual(40 * 60 + 5 - 601);
    expect(maxAgeOf(hit.headers['cache-control'])).toBeLessThanOrEqual(40 * 60 + 5 - 600);
    const hitDate = Date.parse(String(hit.headers.date));
    expect(hitDate - Date.parse(API_NOW)).toBeGreaterThanOrEqual(600_000);
    expect(hitDate - Date.parse(API_NOW)).toBeLessThan(602_000);
    const notModified = await get(id, { 'If-None-Match': String(first.headers.etag) });
    expect(notModified.status).toBe(304);
    expect(notModified.headers['cache-control']).toBe(hit.headers['cache-control']);
    expect(notModified.headers.date).toBe(hit.headers.date);
    expect(fake.hits).toHaveLength(1);
  });

  it('without max-age and without Date, keeps the shortest time rather than guess from its own clock', async () => {
    const id = `vid_nodate_${++n}`;
    fake.set((_req, res) => {
      res.sendDate = false;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(video(id)));
    });
    expect((await get(id)).headers['cache-control']).toBe('private, max-age=5');
  });

  it("keeps a finished video a day when the API sends no max-age, and the API's max-age when it does", async () => {
    expect((await get(serve({ Date: HTTP_DATE }, 'completed'))).headers['cache-control']).toBe(
      'private, max-age=86400',
    );
    const id = serve({ 'Cache-Control': 'max-age=600', Date: HTTP_DATE }, 'completed');
    expect((await get(id)).headers['cache-control']).toBe('private, max-age=600');
  });
});

describe('video freshness under other cache options', () => {
  async function withProxy(
    cache: false | { maxTtlSeconds: number },
    test: (h: Harness, fake: Awaited<ReturnType<typeof startFakeUpstream>>, token: string) => Promise<void>,
  ) {
    const fake = await startFakeUpstream();
    const h = await startHarness({ upstreamUrl: fake.url, proxy: { cache } });
    try {
      fake.set((req, res) => {
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Cache-Control': 'max-age=120',
          Date: HTTP_DATE,
        });
        res.end(JSON.stringify(video(req.url?.split('/').at(-1) ?? '')));
      });
      await test(h, fake, await h.token({ scope: 'read' }));
    } finally {
      await h.close();
      await fake.close();
    }
  }

  it("an explicit maxTtlSeconds caps the API's max-age", async () => {
    await withProxy({ maxTtlSeconds: 30 }, async (h, _fake, token) => {
      const res = await h.proxy('GET', '/api/v1/videos/vid_capped', { headers: bearer(token) });
      expect(res.headers['cache-control']).toBe('private, max-age=30');
    });
  });

  it('without a cache, still tells the browser, and answers 304 with Cache-Control and Date', async () => {
    await withProxy(false, async (h, fake, token) => {
      const first = await h.proxy('GET', '/api/v1/videos/vid_uncached', { headers: bearer(token) });
      expect(first.headers['cache-control']).toBe('private, max-age=120');
      const again = await h.proxy('GET', '/api/v1/videos/vid_uncached', {
        headers: bearer(token, { 'If-None-Match': String(first.headers.etag) }),
      });
      expect(again.status).toBe(304);
      expect(again.headers['cache-control']).toBe('private, max-age=120');
      expect(again.headers.date).toBe(HTTP_DATE);
      expect(fake.hits).toHaveLength(2);
    });
  });
});
