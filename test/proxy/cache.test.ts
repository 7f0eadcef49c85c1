import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, createProxy } from '../../src/proxy/index';
import { videoTtlSeconds } from '../../src/proxy/internal/freshness';
import { bearer, type Harness, startHarness } from './harness';
import { expectNoLeaks } from './leaks';

interface VideoBody {
  status: string;
  snapshots: { snapshot_time: string }[];
}

const HOUR = 3_600_000;

describe('video cache, ETags and coalescing, counted at the upstream', () => {
  let h: Harness;
  let token: string;
  let seq = 0;

  beforeAll(async () => {
    h = await startHarness({ proxy: { operations: { read: true, stop: true } } });
    token = await h.token({ scope: ['read', 'stop'], ttlSeconds: 86_400 });
  });
  beforeEach(() => {
    h.upstream.reset();
    h.upstream.setDelay(0);
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => {
    expectNoLeaks(h, [token]);
    await h.close();
  });

  const get = (id: string, headers: Record<string, string> = {}) =>
    h.proxy('GET', `/api/v1/videos/${id}`, { headers: bearer(token, headers) });

  it('serves a repeated GET from the cache until the next snapshot can exist', async () => {
    const id = await h.seedVideo(++seq);
    const first = await get(id);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    // how long exactly is pinned in freshness.test.ts, against an API whose headers the test sets
    const maxAge = Number(/max-age=(\d+)/.exec(String(first.headers['cache-control']))?.[1]);
    expect(first.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3605);

    const second = await get(id);
    expect(second.status).toBe(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    // a cached copy carries no stale rate-limit numbers
    expect(second.headers['x-ratelimit-remaining']).toBeUndefined();
    expect(h.upstream.count(`GET /api/v1/videos/${id}`)).toBe(1);
    expect(h.logs.slice(-2).map((l) => l.cache)).toEqual(['miss', 'hit']);
  });

  it('answers 304 to If-None-Match, from the cache without an upstream call', async () => {
    const id = await h.seedVideo(++seq);
    const first = await get(id);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await get(id, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect((await get(id, { 'If-None-Match': `W/${etag}, "other"` })).status).toBe(304);
    expect((await get(id, { 'If-None-Match': '"stale"' })).status).toBe(200);
    expect(h.upstream.count()).toBe(1);
  });

  it('fetches again once a new snapshot can exist, and the new body has it', async () => {
    const id = await h.seedVideo(++seq);
    const first = await get(id);
    expect(h.upstream.count()).toBe(1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 59 * 60_000);
    expect((await get(id)).headers['x-cache']).toBe('HIT');
    vi.setSystemTime(Date.now() + 2 * 60_000 + 5000);
    const later = await get(id, { 'If-None-Match': String(first.headers.etag) });
    expect(h.upstream.count()).toBe(2);
    expect(later.status).toBe(200);
    expect((later.json as unknown as VideoBody).snapshots.length).toBeGreaterThan(
      (first.json as unknown as VideoBody).snapshots.length,
    );
  });

  it('keeps a completed video for a day', async () => {
    const id = await h.seedVideo(++seq);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 8 * 24 * HOUR);
    // a day-long token minted at the start has expired by now
    const fresh = await h.token({ scope: 'read' });
    const res = await h.proxy('GET', `/api/v1/videos/${id}`, { headers: bearer(fresh) });
    expect((res.json as unknown as VideoBody).status).toBe('completed');
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    expectNoLeaks(h, [fresh]);
  });

  it('forgets a video when it is stopped through the proxy', async () => {
    const id = await h.seedVideo(++seq);
    await get(id);
    const stop = await h.proxy('POST', `/api/v1/videos/${id}/stop`, { headers: bearer(token) });
    expect(stop.status).toBe(200);
    const after = await get(id);
    expect(after.headers['x-cache']).toBe('MISS');
    expect((after.json as unknown as VideoBody).status).toBe('stopped');
    expect(h.upstream.count(`GET /api/v1/videos/${id}`)).toBe(2);
  });

  it('does not re-cache an answer that was in flight while the video was stopped (review #6)', async () => {
    const id = await h.seedVideo(++seq);
    // the API answers "monitoring" at once, the proxy hears it only after the stop went through
    h.upstream.delayAnswer(`GET /api/v1/videos/${id}`, 300);
    const answeredBefore = h.upstream.answered();
    const inFlight = get(id);
    await vi.waitFor(() => expect(h.upstream.answered()).toBeGreaterThan(answeredBefore));
    const stop = await h.proxy('POST', `/api/v1/videos/${id}/stop`, { headers: bearer(token) });
    expect(stop.status).toBe(200);
    const stale = await inFlight;
    expect((stale.json as unknown as VideoBody).status).toBe('monitoring');
    // ...and the browser is not told to keep that stale copy either
    expect(stale.headers['cache-control']).toBe('no-store');
    h.upstream.delayAnswer(`GET /api/v1/videos/${id}`, 0);
    const after = await get(id);
    expect(after.headers['x-cache']).toBe('MISS');
    expect((after.json as unknown as VideoBody).status).toBe('stopped');
  });

  it('caches a 404 for a video id for 30 s, so probing one id costs one API call (review #5)', async () => {
    const first = await get('nosuchvideo1');
    expect(first.status).toBe(404);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await get('nosuchvideo1');
    expect(second.status).toBe(404);
    expect(second.json).toEqual(first.json);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers['cache-control']).toBe('no-store');
    expect(h.upstream.count()).toBe(1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31_000);
    expect((await get('nosuchvideo1')).headers['x-cache']).toBe('MISS');
    expect(h.upstream.count()).toBe(2);
  });

  it('coalesces concurrent identical GETs into one upstream request', async () => {
    const id = await h.seedVideo(++seq);
    h.upstream.setDelay(150);
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(id)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(h.upstream.count()).toBe(1);
    const caches = h.logs.slice(-6).map((l) => l.cache);
    expect(caches.filter((c) => c === 'miss')).toHaveLength(1);
    expect(caches.filter((c) => c === 'coalesced')).toHaveLength(5);

    const lists = await Promise.all(
      Array.from({ length: 4 }, () => h.proxy('GET', '/api/v1/videos', { headers: bearer(token) })),
    );
    expect(lists.map((l) => l.status)).toEqual([200, 200, 200, 200]);
    expect(h.upstream.count('GET /api/v1/videos')).toBe(1);
  });

  it('revalidates the list by ETag (304) but always asks upstream, since tracks change it', async () => {
    const first = await h.proxy('GET', '/api/v1/videos', { headers: bearer(token) });
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await h.proxy('GET', '/api/v1/videos', {
      headers: bearer(token, { 'If-None-Match': String(first.headers.etag) }),
    });
    expect(again.status).toBe(304);
    expect(h.upstream.count('GET /api/v1/videos')).toBe(2);
  });
});

describe('the in-memory store keeps markers apart from the answers they guard', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    // room for two cached answers only: filling it must not push out the marker a stop left
    h = await startHarness({
      proxy: { operations: { read: true, stop: true }, store: createMemoryStore({ maxEntries: 2 }) },
    });
    token = await h.token({ scope: ['read', 'stop'], ttlSeconds: 3600 });
  });
  afterAll(async () => {
    expectNoLeaks(h, [token]);
    await h.close();
  });

  const get = (id: string) => h.proxy('GET', `/api/v1/videos/${id}`, { headers: bearer(token) });

  it('a read in flight across a stop keeps nothing, however many answers were cached meanwhile', async () => {
    const [id, other1, other2] = [await h.seedVideo(101), await h.seedVideo(102), await h.seedVideo(103)];
    h.upstream.delayAnswer(`GET /api/v1/videos/${id}`, 400);
    const answeredBefore = h.upstream.answered();
    const inFlight = get(id);
    await vi.waitFor(() => expect(h.upstream.answered()).toBeGreaterThan(answeredBefore));
    expect((await h.proxy('POST', `/api/v1/videos/${id}/stop`, { headers: bearer(token) })).status).toBe(200);
    // two other videos fill the cache while the stale answer is still on its way
    expect((await get(other1)).headers['x-cache']).toBe('MISS');
    expect((await get(other2)).headers['x-cache']).toBe('MISS');
    const stale = await inFlight;
    expect((stale.json as unknown as VideoBody).status).toBe('monitoring');
    expect(stale.headers['cache-control']).toBe('no-store');
    h.upstream.delayAnswer(`GET /api/v1/videos/${id}`, 0);
    const after = await get(id);
    expect(after.headers['x-cache']).toBe('MISS');
    expect((after.json as unknown as VideoBody).status).toBe('stopped');
  });

  it('refuses a store with only some of the marker operations', () => {
    const { readMarker: _dropped, ...partial } = createMemoryStore();
    expect(() => createProxy({ apiKey: 'cs_test_key_for_config_check', store: partial })).toThrow(
      /readMarker, changeMarker and setIfMarker, or none/,
    );
  });

  it('past maxMarkers the oldest marker goes, and a read in flight then keeps nothing (never stale)', async () => {
    const store = createMemoryStore({ maxMarkers: 1 });
    const { readMarker, changeMarker, setIfMarker } = store;
    if (!readMarker || !changeMarker || !setIfMarker)
      throw new Error('the memory store has marker operations');
    const before = await readMarker('gen:a', 60_000);
    await changeMarker('gen:a', 60_000);
    const during = await readMarker('gen:a', 60_000);
    expect(during).not.toBe(before);
    // another video's stop drops gen:a: both tokens taken on gen:a are void from now on
    await changeMarker('gen:b', 60_000);
    expect(await setIfMarker('video:a', 'old', 60_000, { key: 'gen:a', token: before })).toBe(false);
    expect(await setIfMarker('video:a', 'old', 60_000, { key: 'gen:a', token: during })).toBe(false);
    expect(await store.get('video:a')).toBeUndefined();
    const now = await readMarker('gen:a', 60_000);
    expect(await setIfMarker('video:a', 'new', 60_000, { key: 'gen:a', token: now })).toBe(true);
    expect(await store.get('video:a')).toBe('new');
  });
});

describe('cache building blocks', () => {
  it('videoTtlSeconds: until the next snapshot, within bounds', () => {
    const now = Date.parse('2025-01-01T12:20:00Z');
    const video = (status: string, times: string[]) => ({
      status,
      snapshots: times.map((snapshot_time) => ({ snapshot_time })),
    });
    expect(videoTtlSeconds(video('monitoring', ['2025-01-01T11:00:00Z', '2025-01-01T12:00:00Z']), now)).toBe(
      40 * 60 + 5,
    );
    // a late snapshot is not polled for faster than minTtlSeconds
    expect(videoTtlSeconds(video('monitoring', ['2025-01-01T10:00:00Z']), now)).toBe(5);
    expect(videoTtlSeconds(video('completed', ['2025-01-01T10:00:00Z']), now)).toBe(86_400);
    expect(videoTtlSeconds(video('stopped', []), now, { finalTtlSeconds: 60 })).toBe(60);
    expect(videoTtlSeconds(video('monitoring', []), now)).toBe(5);
    expect(videoTtlSeconds(video('monitoring', ['2025-01-01T12:00:00Z']), now, { maxTtlSeconds: 30 })).toBe(
      30,
    );
    expect(videoTtlSeconds({ created_at: '2025-01-01T12:19:00Z', status: 'monitoring' }, now)).toBe(
      59 * 60 + 5,
    );
  });

  it('createMemoryStore is a bounded LRU and counts fixed windows', async () => {
    const store = createMemoryStore({ maxEntries: 2 });
    await store.set('a', '1', 60_000);
    await store.set('b', '2', 60_000);
    expect(await store.get('a')).toBe('1'); // a is now the most recent
    await store.set('c', '3', 60_000);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('1');
    expect(await store.get('c')).toBe('3');

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      expect((await store.increment('k', 1000)).count).toBe(1);
      expect((await store.increment('k', 1000)).count).toBe(2);
      vi.advanceTimersByTime(1001);
      expect((await store.increment('k', 1000)).count).toBe(1);
      await store.set('t', 'x', 500);
      vi.advanceTimersByTime(501);
      expect(await store.get('t')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
