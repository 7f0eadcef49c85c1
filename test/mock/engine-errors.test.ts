import { describe, expect, it } from 'vitest';
import { harness, link } from './harness';

describe('mock engine: authentication', () => {
  it('answers 401 JSON for a missing key and says so', async () => {
    const h = harness();
    const res = await h.call('GET', '/api/v1/usage', { key: null });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatch(/^Invalid API key/);
    expect(res.json.error).toMatch(/missing/);
  });

  it('answers 401 for an unknown key, and does not accept Authorization: Bearer', async () => {
    const h = harness();
    const unknown = await h.call('GET', '/api/v1/usage', { key: 'nope' });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error).toMatch(/not recognised/);
    const bearer = await h.call('GET', '/api/v1/usage', {
      key: null,
      headers: { Authorization: 'Bearer k_pro' },
    });
    expect(bearer.status).toBe(401);
  });

  it('never lets one key see or stop another key’s video', async () => {
    const h = harness({
      keys: [
        { key: 'k_pro', plan: 'pro', balance_usd: 10 },
        { key: 'k_other', plan: 'pro', balance_usd: 10 },
      ],
    });
    const { json } = await h.track(link(1), 1);
    expect((await h.call('GET', `/api/v1/videos/${json.id}`, { key: 'k_other' })).status).toBe(404);
    expect((await h.call('POST', `/api/v1/videos/${json.id}/stop`, { key: 'k_other' })).status).toBe(404);
    expect((await h.call('GET', '/api/v1/videos', { key: 'k_other' })).json.videos).toEqual([]);
  });
});

describe('mock engine: validation', () => {
  it.each([
    ['not a link', 'https://example.com/video/1'],
    ['a TikTok page that is not a video', 'https://www.tiktok.com/@user'],
    ['a javascript: link', 'javascript:alert(1)'],
  ])('refuses %s with 400 and the link checker’s reason', async (_name, videoLink) => {
    const h = harness();
    const res = await h.track(videoLink, 7);
    expect(res.status).toBe(400);
    expect(res.json.field).toBe('video_link');
    expect(res.json.error).toMatch(/TikTok|https/);
  });

  it.each([[0], [31], [2.5], ['7'], [null]])(
    'refuses duration_days %j with 400 naming the field',
    async (days) => {
      const h = harness();
      const res = await h.call('POST', '/api/v1/videos/track', {
        body: { video_link: link(1), duration_days: days },
      });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ field: 'duration_days' });
      expect(res.json.error).toMatch(/duration_days/);
    },
  );

  it('refuses a missing video_link, malformed JSON and a non-object body with 400 JSON', async () => {
    const h = harness();
    const missing = await h.call('POST', '/api/v1/videos/track', { body: { duration_days: 7 } });
    expect(missing.status).toBe(400);
    expect(missing.json.field).toBe('video_link');
    const malformed = await h.call('POST', '/api/v1/videos/track', { rawBody: '{"video_link": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatch(/Malformed JSON/);
    const array = await h.call('POST', '/api/v1/videos/track', { rawBody: '[1]' });
    expect(array.status).toBe(400);
    expect(h.api.balance('k_pro')).toBe(100);
  });

  it('refuses an invalid platform filter with 400, and ignores unknown query params', async () => {
    const h = harness();
    expect((await h.call('GET', '/api/v1/videos?platform=TikTok!')).status).toBe(400);
    expect((await h.call('GET', '/api/v1/videos?platform=tiktok&page=2&x=y')).status).toBe(200);
  });
});

describe('mock engine: not found, conflicts and plan limits', () => {
  it.each([
    'https://www.tiktok.com/@private/video/123',
    'https://www.tiktok.com/@Deleted/video/456',
    'https://vm.tiktok.com/notfound/',
    'https://www.tiktok.com/t/private/',
  ])('answers 404 "Video not found or private" for %s without charging', async (videoLink) => {
    const h = harness();
    const res = await h.track(videoLink, 7);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: 'Video not found or private' });
    expect(h.api.balance('k_pro')).toBe(100);
  });

  it('answers 404 "Video not found" for an unknown id', async () => {
    const h = harness();
    const res = await h.call('GET', '/api/v1/videos/cm5doesnotexi');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: 'Video not found' });
  });

  it('answers 409 with the existing id when the same link is already monitored, also via another spelling', async () => {
    const h = harness();
    const first = await h.track('https://www.tiktok.com/@user/video/123', 7);
    const again = await h.track('tiktok.com/@user/video/123?is_from_webapp=1', 3);
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ error: 'Already tracking this video', id: first.json.id });
    // after it stops, the video can be tracked again
    await h.call('POST', `/api/v1/videos/${first.json.id}/stop`);
    expect((await h.track('https://www.tiktok.com/@user/video/123', 7)).status).toBe(201);
  });

  it('answers 403 on the 11th concurrent free tracking, and frees a slot on stop', async () => {
    const h = harness({ keys: [{ key: 'k_free', plan: 'free', balance_usd: 1000 }] });
    const ids: unknown[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await h.track(link(i), 1, { key: 'k_free' });
      expect(res.status).toBe(201);
      ids.push(res.json.id);
    }
    const eleventh = await h.track(link(10), 1, { key: 'k_free' });
    expect(eleventh.status).toBe(403);
    expect(eleventh.json.limit).toBe(10);
    expect(eleventh.json.error).toMatch(/^Plan limit reached/);
    await h.call('POST', `/api/v1/videos/${ids[0]}/stop`, { key: 'k_free' });
    expect((await h.track(link(10), 1, { key: 'k_free' })).status).toBe(201);
  });

  it('has no concurrent limit on enterprise', async () => {
    const h = harness({ keys: [{ key: 'k_ent', plan: 'enterprise', balance_usd: 1000 }] });
    for (let i = 0; i < 105; i++) expect((await h.track(link(i), 1, { key: 'k_ent' })).status).toBe(201);
  });
});

describe('mock engine: routing', () => {
  it('answers 404 JSON for an unknown route and 405 with Allow for a wrong method', async () => {
    const h = harness();
    const unknown = await h.call('GET', '/api/v1/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatch(/No such endpoint/);
    const wrong = await h.call('DELETE', '/api/v1/usage');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(wrong.json.error).toEqual(expect.any(String));
  });

  it('tolerates a trailing slash', async () => {
    const h = harness();
    expect((await h.call('GET', '/api/v1/usage/')).status).toBe(200);
  });
});

describe('mock engine: Idempotency-Key', () => {
  it('replays the original 201 once per key and body, without a second charge or tracking', async () => {
    const h = harness();
    const headers = { 'Idempotency-Key': 'retry-1' };
    const first = await h.track(link(1), 7, { headers });
    const replay = await h.track(link(1), 7, { headers });
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect((await h.call('GET', '/api/v1/videos')).json.videos).toHaveLength(1);
    expect((await h.call('GET', '/api/v1/usage')).json).toMatchObject({
      total_spent_usd: 0.015,
      available_usd: 97.48,
    });
  });

  it('answers 422 when the same key comes with a different body', async () => {
    const h = harness();
    const headers = { 'Idempotency-Key': 'retry-2' };
    await h.track(link(1), 7, { headers });
    const mismatch = await h.track(link(1), 3, { headers });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.error).toMatch(/Idempotency-Key/);
    expect((await h.call('GET', '/api/v1/videos')).json.videos).toHaveLength(1);
  });

  it('does not remember failures, and scopes keys per API key', async () => {
    const h = harness({
      keys: [
        { key: 'k_pro', plan: 'pro', balance_usd: 1 },
        { key: 'k_other', plan: 'pro', balance_usd: 10 },
      ],
    });
    const headers = { 'Idempotency-Key': 'shared' };
    expect((await h.track(link(1), 7, { headers })).status).toBe(402);
    expect((await h.track(link(1), 1, { headers })).status).toBe(201); // a new body is fine after a failure
    expect((await h.track(link(1), 7, { key: 'k_other', headers })).status).toBe(201);
  });
});
