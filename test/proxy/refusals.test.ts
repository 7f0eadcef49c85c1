import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY, bearer, type Harness, startHarness } from './harness';
import { expectNoLeaks } from './leaks';

let h: Harness;
let token: string;
let videoId: string;
const sent: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  token = await h.token({ scope: ['read', 'track'] });
  sent.push(token);
  videoId = await h.seedVideo(1);
});
beforeEach(() => h.upstream.reset());
afterAll(async () => {
  expectNoLeaks(h, sent);
  await h.close();
});

describe('paths outside the documented API are refused before any upstream call', () => {
  it.each([
    ['GET', '/api/v1/videos/../usage', 400, 'bad_path', 'Path traversal'],
    ['GET', '/api/v1/../../admin', 400, 'bad_path', 'Path traversal'],
    ['GET', '/api/v1/videos/%2e%2e/usage', 400, 'bad_path', 'Percent-encoded'],
    ['GET', '/api/v1/videos/abc%2Fstop', 400, 'bad_path', 'Percent-encoded'],
    ['GET', '/api/v1/videos/abc%5cstop', 400, 'bad_path', 'Percent-encoded'],
    ['GET', '//api/v1/videos', 400, 'bad_path', 'double slashes'],
    ['GET', '/api/v1//videos', 400, 'bad_path', 'double slashes'],
    ['GET', '/api/v1/videos/./abc', 400, 'bad_path', 'Path traversal'],
    ['GET', '/api/v1/videos/abc;jsessionid=1', 400, 'bad_path', 'characters'],
    ['GET', '/api/v1/videos/a.b', 400, 'bad_video_id', 'Video ids are 1 to 64'],
    ['GET', `/api/v1/videos/${'a'.repeat(65)}`, 400, 'bad_video_id', 'Video ids are 1 to 64'],
    ['POST', '/api/v1/videos/a.b/stop', 400, 'bad_video_id', 'Video ids are 1 to 64'],
    ['GET', '/api/v1/admin', 404, 'unknown_route', 'forwards only'],
    ['GET', '/api/v2/videos', 404, 'unknown_route', 'forwards only'],
    ['GET', '/api/v1/videos/abc/snapshots', 404, 'unknown_route', 'forwards only'],
    ['GET', '/', 404, 'unknown_route', 'forwards only'],
    ['DELETE', '/api/v1/videos/abc', 405, 'method_not_allowed', 'use GET'],
    ['GET', '/api/v1/videos/track', 405, 'method_not_allowed', 'use POST'],
    ['PUT', '/api/v1/videos', 405, 'method_not_allowed', 'use GET'],
    ['GET', '/api/v1/videos/abc/stop', 405, 'method_not_allowed', 'use POST'],
  ])('%s %s → %i %s', async (method, path, status, code, message) => {
    const res = await h.proxy(method, path, { headers: bearer(token) });
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ code, error: expect.stringContaining(message) });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(h.upstream.count()).toBe(0);
  });

  it('names the allowed method in Allow on a 405', async () => {
    const res = await h.proxy('GET', '/api/v1/videos/track', { headers: bearer(token) });
    expect(res.headers.allow).toBe('POST');
  });

  it('refuses an absolute URL as request target (no open proxy)', async () => {
    const res = await h.send('GET', `http://evil.example${'/api/contentstats'}/api/v1/videos`, {
      headers: bearer(token),
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('bad_path');
    expect(h.upstream.count()).toBe(0);
  });

  it('refuses CONNECT-style methods a Web Request cannot carry', async () => {
    const res = await h.proxy('TRACE', '/api/v1/videos', { headers: bearer(token) });
    expect(res.status).toBe(405);
    expect(h.upstream.count()).toBe(0);
  });

  it('tolerates one trailing slash, as the API does', async () => {
    const res = await h.proxy('GET', '/api/v1/videos/', { headers: bearer(token) });
    expect(res.status).toBe(200);
    expect(h.upstream.calls.map((c) => c.url)).toEqual(['/api/v1/videos']);
  });
});

describe('operations', () => {
  it('answers 403 for an operation closed on the proxy (usage and stop are closed by default)', async () => {
    const all = await h.token({ scope: ['read', 'track', 'stop', 'usage'] });
    sent.push(all);
    const usage = await h.proxy('GET', '/api/v1/usage', { headers: bearer(all) });
    expect(usage.status).toBe(403);
    expect(usage.json).toEqual({
      code: 'operation_closed',
      error: 'The "usage" operation is closed on this proxy.',
    });
    const stop = await h.proxy('POST', `/api/v1/videos/${videoId}/stop`, { headers: bearer(all) });
    expect(stop.status).toBe(403);
    expect(h.upstream.count()).toBe(0);
  });
});

describe('query parameters', () => {
  it('forwards only platform on the list and drops every other parameter', async () => {
    const res = await h.proxy(
      'GET',
      '/api/v1/videos?platform=tiktok&api_key=x&url=http://evil.example/&X-API-Key=y',
      {
        headers: bearer(token),
      },
    );
    expect(res.status).toBe(200);
    expect(h.upstream.calls.map((c) => c.url)).toEqual(['/api/v1/videos?platform=tiktok']);
  });

  it('drops query parameters of routes that take none', async () => {
    await h.proxy('GET', `/api/v1/videos/${videoId}?fields=all`, { headers: bearer(token) });
    expect(h.upstream.calls.map((c) => c.url)).toEqual([`/api/v1/videos/${videoId}`]);
  });

  it.each([['platform=TikTok'], ['platform=tiktok&platform=youtube'], ['platform=']])(
    'refuses ?%s with 400 bad_query',
    async (query) => {
      const res = await h.proxy('GET', `/api/v1/videos?${query}`, { headers: bearer(token) });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'bad_query', error: expect.stringContaining('platform') });
      expect(h.upstream.count()).toBe(0);
    },
  );
});

describe('track bodies are checked before any credit is spent', () => {
  const JSON_TYPE = 'application/json';
  const json = (body: unknown) => ({
    headers: bearer(token, { 'Content-Type': JSON_TYPE }),
    body: JSON.stringify(body),
  });
  const link = 'https://www.tiktok.com/@u/video/1';

  it.each([
    ['not JSON', JSON_TYPE, '{"video_link":', 400, 'bad_json'],
    ['an array', JSON_TYPE, '[1]', 400, 'bad_body'],
    ['no link', JSON_TYPE, '{"duration_days":7}', 400, 'bad_link'],
    [
      'a look-alike host',
      JSON_TYPE,
      JSON.stringify({ video_link: 'https://tiktok.com.evil.example/@u/video/1', duration_days: 7 }),
      400,
      'bad_link',
    ],
    [
      'a javascript: link',
      JSON_TYPE,
      JSON.stringify({ video_link: 'javascript:alert(1)', duration_days: 7 }),
      400,
      'bad_link',
    ],
    [
      'a fractional duration',
      JSON_TYPE,
      JSON.stringify({ video_link: link, duration_days: 1.5 }),
      400,
      'bad_duration',
    ],
    [
      'a duration of 0',
      JSON_TYPE,
      JSON.stringify({ video_link: link, duration_days: 0 }),
      400,
      'bad_duration',
    ],
    [
      'a null duration',
      JSON_TYPE,
      JSON.stringify({ video_link: link, duration_days: null }),
      400,
      'bad_duration',
    ],
    [
      'text/plain',
      'text/plain',
      JSON.stringify({ video_link: link, duration_days: 7 }),
      415,
      'unsupported_media_type',
    ],
    [
      'no content type',
      null,
      JSON.stringify({ video_link: link, duration_days: 7 }),
      415,
      'unsupported_media_type',
    ],
  ])('refuses %s', async (_name, contentType, body, status, code) => {
    const headers = bearer(token, contentType === null ? {} : { 'Content-Type': contentType });
    const res = await h.proxy('POST', '/api/v1/videos/track', { headers, body });
    expect(res.status).toBe(status);
    expect(res.json.code).toBe(code);
    expect(h.upstream.count()).toBe(0);
  });

  it('explains a refused link in words a person can act on', async () => {
    const res = await h.proxy(
      'POST',
      '/api/v1/videos/track',
      json({ video_link: 'https://youtube.com/watch?v=1', duration_days: 7 }),
    );
    expect(res.json.error).toMatch(/not a TikTok host.*tiktok\.com\/@user\/video/);
  });

  it('answers 413 for a declared body above maxBodyBytes without reading it', async () => {
    const body = JSON.stringify({
      video_link: 'https://www.tiktok.com/@u/video/1',
      duration_days: 7,
      pad: 'x'.repeat(9000),
    });
    const res = await h.proxy('POST', '/api/v1/videos/track', {
      headers: bearer(token, { 'Content-Type': 'application/json' }),
      body,
    });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: 'body_too_large', error: expect.stringContaining('8192 bytes') });
    expect(h.upstream.count()).toBe(0);
  });

  it('answers 413 at once for a declared Content-Length above maxBodyBytes, without waiting for the body', async () => {
    // 10 bytes of a declared 100 000 are sent and the request never ends: reading the body would hang
    const res = await h.proxy('POST', '/api/v1/videos/track', {
      headers: bearer(token, { 'Content-Type': 'application/json', 'Content-Length': '100000' }),
      body: '{"video_l',
      keepOpen: true,
    });
    expect(res.status).toBe(413);
    expect(res.json.code).toBe('body_too_large');
    expect(res.headers.connection).toBe('close');
    expect(h.upstream.count()).toBe(0);
  });

  it('answers 413 for a chunked body that grows past the limit', async () => {
    const body = JSON.stringify({
      video_link: 'https://www.tiktok.com/@u/video/1',
      duration_days: 7,
      pad: 'x'.repeat(9000),
    });
    const res = await h.proxy('POST', '/api/v1/videos/track', {
      headers: bearer(token, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }),
      body,
    });
    expect(res.status).toBe(413);
    expect(h.upstream.count()).toBe(0);
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const res = await h.proxy('POST', '/api/v1/videos/track', {
      headers: bearer(token, { 'Content-Type': 'application/json', 'Idempotency-Key': 'a b' }),
      body: JSON.stringify({ video_link: 'https://www.tiktok.com/@u/video/1', duration_days: 7 }),
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('bad_idempotency_key');
    expect(h.upstream.count()).toBe(0);
  });

  it('forwards only the normalised link and the duration, with the server key and nothing the browser sent', async () => {
    const res = await h.proxy('POST', '/api/v1/videos/track', {
      headers: bearer(token, {
        'Content-Type': 'application/json',
        'X-API-Key': 'cs_attacker_key',
        Cookie: 'session=abc',
        'Idempotency-Key': 'idem-123',
        'X-Forwarded-For': '10.0.0.1',
      }),
      body: JSON.stringify({
        video_link: 'tiktok.com/@user/video/555?is_from_webapp=1',
        duration_days: 3,
        price_override: 0,
        callback_url: 'http://evil.example',
      }),
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      video_link: 'https://www.tiktok.com/@user/video/555',
      status: 'monitoring',
    });
    const [call] = h.upstream.calls;
    expect(JSON.parse(call?.body ?? '')).toEqual({
      video_link: 'https://www.tiktok.com/@user/video/555',
      duration_days: 3,
    });
    expect(call?.headers['x-api-key']).toBe(API_KEY);
    // namespaced by caller (review #10): a hash of the principal, then the browser's key
    expect(call?.headers['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{22}:idem-123$/);
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.headers.cookie).toBeUndefined();
    expect(call?.headers['x-forwarded-for']).toBeUndefined();
  });
});

describe('track defaults and Idempotency-Key namespaces', () => {
  const post = (tokenValue: string, body: unknown, headers: Record<string, string> = {}) =>
    h.proxy('POST', '/api/v1/videos/track', {
      headers: bearer(tokenValue, { 'Content-Type': 'application/json', ...headers }),
      body: JSON.stringify(body),
    });

  it('fills a missing duration_days with 7 before forwarding, as the local API and the docs do (review #13)', async () => {
    const res = await post(token, { video_link: 'https://www.tiktok.com/@u/video/1313' });
    expect(res.status).toBe(201);
    expect(res.json.estimated_cost).toBe(2.52);
    expect(JSON.parse(h.upstream.calls[0]?.body ?? '')).toEqual({
      video_link: 'https://www.tiktok.com/@u/video/1313',
      duration_days: 7,
    });
  });

  it("keeps one caller's Idempotency-Key from colliding with or replaying another's (review #10)", async () => {
    const alice = await h.token({ scope: 'track', subject: 'alice' });
    const bob = await h.token({ scope: 'track', subject: 'bob' });
    sent.push(alice, bob);
    const key = { 'Idempotency-Key': 'shared-key-1' };
    const first = await post(
      alice,
      { video_link: 'https://www.tiktok.com/@u/video/1010', duration_days: 1 },
      key,
    );
    expect(first.status).toBe(201);
    // the same key from bob used to reach the API unchanged: 422 (or alice's video on the same body)
    const other = await post(
      bob,
      { video_link: 'https://www.tiktok.com/@u/video/1011', duration_days: 1 },
      key,
    );
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.json.id).not.toBe(first.json.id);
    // alice's retry with a fresh token is still the same call: replayed, never charged twice
    const again = await h.token({ scope: 'track', subject: 'alice' });
    sent.push(again);
    const retry = await post(
      again,
      { video_link: 'https://www.tiktok.com/@u/video/1010', duration_days: 1 },
      key,
    );
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json.id).toBe(first.json.id);
    const forwarded = h.upstream.calls.map((c) => c.headers['idempotency-key']);
    expect(forwarded[0]).not.toBe(forwarded[1]);
    expect(forwarded[2]).toBe(forwarded[0]);
  });
});

describe('upstream answers pass through with their status', () => {
  it("passes a 404 with the API's message, a code added (the proxy's own shape), and the rate-limit headers", async () => {
    const res = await h.proxy('GET', '/api/v1/videos/doesnotexist', { headers: bearer(token) });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: 'Video not found', code: 'not_found' });
    expect(res.headers['x-ratelimit-limit']).toBe('300');
    expect(res.headers['x-ratelimit-remaining']).toMatch(/^\d+$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(h.upstream.count()).toBe(1);
  });

  it('passes a 404 for a private video on track', async () => {
    const res = await h.proxy('POST', '/api/v1/videos/track', {
      headers: bearer(token, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ video_link: 'https://www.tiktok.com/@private/video/1', duration_days: 7 }),
    });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: 'Video not found or private', code: 'not_found' });
  });
});
