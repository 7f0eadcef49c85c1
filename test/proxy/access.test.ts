import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { startMockServer } from '../../src/mock/index';
import { createCorsPolicy } from '../../src/proxy/cors';
import { expressProxy } from '../../src/proxy/index';
import { API_KEY, bearer, type Harness, MOUNT, startHarness } from './harness';
import { expectNoLeaks } from './leaks';

const APP = 'https://app.example';
const EVIL = 'https://evil.example';
const trackBody = (n: number) =>
  JSON.stringify({ video_link: `https://www.tiktok.com/@limit/video/${n}`, duration_days: 1 });

describe('CORS for allowedOrigins only', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness({ proxy: { allowedOrigins: [APP] } });
    token = await h.token({ scope: 'read' });
  });
  beforeEach(() => h.upstream.reset());
  afterAll(async () => {
    expectNoLeaks(h, [token]);
    await h.close();
  });

  const preflight = (origin: string, method = 'GET') =>
    h.proxy('OPTIONS', '/api/v1/videos', {
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': method,
        'Access-Control-Request-Headers': 'authorization',
      },
    });

  it('answers a preflight from an allowed origin, echoing it, without credentials', async () => {
    const res = await preflight(APP);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(APP);
    expect(res.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
    expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(res.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/);
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Origin/);
    expect(h.upstream.count()).toBe(0);
  });

  it('refuses a preflight from any other origin, and a method the proxy never forwards', async () => {
    const res = await preflight(EVIL);
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('origin_not_allowed');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect((await preflight(APP, 'DELETE')).status).toBe(405);
    expect(h.upstream.count()).toBe(0);
  });

  it('lets an allowed page read answers and refusals, and exposes the rate-limit headers', async () => {
    const ok = await h.proxy('GET', '/api/v1/videos', { headers: bearer(token, { Origin: APP }) });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(APP);
    expect(ok.headers['access-control-expose-headers']).toMatch(/X-RateLimit-Remaining/);
    // the page reads Date to correct snapshot times by the API's clock; Cache-Control is readable anyway
    expect(ok.headers['access-control-expose-headers']).toMatch(/\bDate\b/);
    const refused = await h.proxy('GET', '/api/v1/videos', { headers: { Origin: APP } });
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(APP);
  });

  it('gives another origin no CORS headers, so its page cannot read the answer', async () => {
    const res = await h.proxy('GET', '/api/v1/videos', { headers: bearer(token, { Origin: EVIL }) });
    // the answer itself is the ordinary one (the token is not bound to an origin): only CORS keeps it
    // from that page, so a 4xx/5xx cannot make this pass by accident
    expect(res.status).toBe(200);
    expect(res.json).toHaveProperty('videos');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-expose-headers']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('never combines a wildcard with credentials', () => {
    expect(() => createCorsPolicy({ allowedOrigins: '*', credentials: true })).toThrow(/cannot be combined/);
    expect(() => expressProxy({ apiKey: 'k', allowedOrigins: ['*'], credentials: true })).toThrow(TypeError);
    expect(() => createCorsPolicy({ allowedOrigins: ['not an origin'] })).toThrow(/not an origin/);
    const wildcard = createCorsPolicy({ allowedOrigins: '*' }).headers(EVIL);
    expect(wildcard['Access-Control-Allow-Origin']).toBe('*');
    expect(wildcard['Access-Control-Allow-Credentials']).toBeUndefined();
    const withCredentials = createCorsPolicy({ allowedOrigins: [APP], credentials: true }).headers(APP);
    expect(withCredentials).toMatchObject({
      'Access-Control-Allow-Origin': APP,
      'Access-Control-Allow-Credentials': 'true',
    });
  });
});

describe('same-origin path (no token secret): limited per client address', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      proxy: { tokenSecret: undefined, limits: { track: { max: 2, windowSeconds: 60 } } },
    });
  });
  beforeEach(() => h.upstream.reset());
  afterAll(async () => {
    expectNoLeaks(h);
    await h.close();
  });

  it('forwards requests without a token (the host protects the mount)', async () => {
    const res = await h.proxy('GET', '/api/v1/videos');
    expect(res.status).toBe(200);
    expect(h.upstream.calls[0]?.headers['x-api-key']).toBe(API_KEY);
  });

  it('refuses bearer tokens it cannot verify', async () => {
    const res = await h.proxy('GET', '/api/v1/videos', { headers: bearer('a.b.c') });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('tokens_not_accepted');
    expect(h.upstream.count()).toBe(0);
  });

  it('refuses a cross-site POST without a token (a form on another site cannot use the session)', async () => {
    const res = await h.proxy('POST', '/api/v1/videos/track', {
      headers: { Origin: EVIL, 'Content-Type': 'application/json' },
      body: trackBody(1),
    });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('origin_not_allowed');
    expect(h.upstream.count()).toBe(0);
  });

  it('answers 429 past the track limit, with its own Retry-After and X-RateLimit-*, and spends nothing more', async () => {
    const send = (n: number, headers: Record<string, string> = {}) =>
      h.proxy('POST', '/api/v1/videos/track', {
        headers: { Origin: h.origin, 'Content-Type': 'application/json', ...headers },
        body: trackBody(n),
      });
    expect((await send(10)).status).toBe(201);
    expect((await send(11)).status).toBe(201);
    const third = await send(12);
    expect(third.status).toBe(429);
    expect(third.json).toMatchObject({
      code: 'track_rate_limited',
      error: expect.stringMatching(/^Too many track requests: at most 2 per 60 s\. Try again in \d+ s\.$/),
    });
    expect(Number(third.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(third.headers['x-ratelimit-limit']).toBe('2');
    expect(third.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(third.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
    // a spoofed X-Forwarded-For does not open a new bucket (Express trusts no proxy by default)
    expect((await send(13, { 'X-Forwarded-For': '203.0.113.9' })).status).toBe(429);
    expect(h.upstream.count('POST /api/v1/videos/track')).toBe(2);
    // reads are not limited by the track limit
    expect((await h.proxy('GET', '/api/v1/videos')).status).toBe(200);
  });
});

describe('same-origin path: the CSRF gate (review #4)', () => {
  let h: Harness;
  let videoId: string;
  const SESSION = { Cookie: 'session=valid' };

  beforeAll(async () => {
    h = await startHarness({
      proxy: {
        tokenSecret: undefined,
        // '*' opens CORS for token callers; it must never open the cookie path
        allowedOrigins: '*',
        operations: { stop: true },
        authorize: (request) => request.headers.get('cookie') === 'session=valid',
      },
    });
    videoId = await h.seedVideo(1);
  });
  beforeEach(() => h.upstream.reset());
  afterAll(async () => {
    expectNoLeaks(h);
    await h.close();
  });

  const track = (n: number, headers: Record<string, string>) =>
    h.proxy('POST', '/api/v1/videos/track', {
      headers: { ...SESSION, 'Content-Type': 'application/json', ...headers },
      body: trackBody(n),
    });

  it("refuses a foreign Origin even with allowedOrigins: '*' (it used to let every origin in)", async () => {
    const res = await track(30, { Origin: EVIL });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('origin_not_allowed');
    expect(h.upstream.count()).toBe(0);
  });

  it('refuses a POST with neither Origin nor Sec-Fetch-Site: same-origin (a missing Origin used to skip the gate)', async () => {
    const res = await track(31, {});
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ code: 'origin_required', error: expect.stringContaining('Origin') });
    expect(h.upstream.count()).toBe(0);
  });

  it('lets in a POST from its own host, by Origin or by Sec-Fetch-Site: same-origin', async () => {
    expect((await track(32, { Origin: h.origin })).status).toBe(201);
    expect((await track(33, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    expect(h.upstream.count('POST /api/v1/videos/track')).toBe(2);
  });

  it('refuses a cross-site request the browser sent without Origin (no-cors GET), and lets a plain GET in', async () => {
    const crossSite = await h.proxy('GET', '/api/v1/videos', {
      headers: { ...SESSION, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.code).toBe('origin_not_allowed');
    expect(h.upstream.count()).toBe(0);
    expect((await h.proxy('GET', '/api/v1/videos', { headers: SESSION })).status).toBe(200);
  });

  it('refuses a stop without Content-Type: application/json or X-Requested-With (a bodiless form POST used to pass)', async () => {
    const stop = (headers: Record<string, string>) =>
      h.proxy('POST', `/api/v1/videos/${videoId}/stop`, {
        headers: { ...SESSION, Origin: h.origin, ...headers },
      });
    const bare = await stop({});
    expect(bare.status).toBe(415);
    expect(bare.json).toMatchObject({
      code: 'unsupported_media_type',
      error: expect.stringContaining('X-Requested-With'),
    });
    expect((await stop({ 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(h.upstream.count()).toBe(0);
    expect((await stop({ 'X-Requested-With': 'fetch' })).status).toBe(200);
    expect((await stop({ 'Content-Type': 'application/json' })).status).toBe(200);
  });
  it("lets the kit's own client stop a video through the gate (it sends X-Requested-With on stop)", async () => {
    // what a browser on the app's page adds by itself: its Origin and the session cookie
    const client = createClient({
      baseUrl: `${h.origin}${MOUNT}`,
      headers: { ...SESSION, Origin: h.origin },
      retry: false,
    });
    await expect(client.stopTracking(videoId)).resolves.toMatchObject({ id: videoId, status: 'stopped' });
    expect(h.upstream.count(`POST /api/v1/videos/${videoId}/stop`)).toBe(1);
  });
});

describe('authorize hook and per-token limits', () => {
  let h: Harness;
  const seen: { operation: string; videoId: string | undefined }[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    h = await startHarness({
      proxy: {
        limits: { track: { max: 1, windowSeconds: 60 } },
        authorize: (request, context) => {
          seen.push({ operation: context.operation, videoId: context.videoId });
          return request.headers.get('cookie') === 'session=valid';
        },
      },
    });
  });
  beforeEach(() => {
    h.upstream.reset();
    seen.length = 0;
  });
  afterAll(async () => {
    expectNoLeaks(h, tokens);
    await h.close();
  });

  it('lets a signed-in session through without a token, and refuses others with 401', async () => {
    const id = await h.seedVideo(1);
    const refused = await h.proxy('GET', `/api/v1/videos/${id}`, { headers: { Cookie: 'session=forged' } });
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ code: 'unauthorized', error: 'Sign in to use this endpoint.' });
    expect(h.upstream.count()).toBe(0);
    const ok = await h.proxy('GET', `/api/v1/videos/${id}`, { headers: { Cookie: 'session=valid' } });
    expect(ok.status).toBe(200);
    expect(seen).toEqual([
      { operation: 'read', videoId: id },
      { operation: 'read', videoId: id },
    ]);
    expect(h.upstream.calls[0]?.headers.cookie).toBeUndefined();
  });

  it('does not ask the hook when a token is presented', async () => {
    const token = await h.token({ scope: 'read' });
    tokens.push(token);
    expect((await h.proxy('GET', '/api/v1/videos', { headers: bearer(token) })).status).toBe(200);
    expect(seen).toEqual([]);
  });

  it('limits tracks per token subject, or per client address without one: minting a new token does not reset the limit', async () => {
    const track = async (claims: { subject?: string }, n: number) => {
      const token = await h.token({ scope: 'track', ...claims });
      tokens.push(token);
      return h.proxy('POST', '/api/v1/videos/track', {
        headers: bearer(token, { 'Content-Type': 'application/json' }),
        body: trackBody(n),
      });
    };
    expect((await track({ subject: 'user-1' }, 20)).status).toBe(201);
    expect((await track({ subject: 'user-1' }, 21)).status).toBe(429);
    expect((await track({ subject: 'user-2' }, 22)).status).toBe(201);
    // review #2: subject-less tokens used to get a bucket each (jti), so a token per request drained credits;
    // now every subject-less token from one address shares that address's bucket
    expect((await track({}, 23)).status).toBe(201);
    const second = await track({}, 24);
    expect(second.status).toBe(429);
    expect(second.json.code).toBe('track_rate_limited');
    expect(h.upstream.count('POST /api/v1/videos/track')).toBe(3);
  });
});

describe('Express details', () => {
  it('works mounted after express.json() (the body was already parsed)', async () => {
    const mock = await startMockServer({ port: 0, keys: [{ key: API_KEY, plan: 'pro', balance_usd: 100 }] });
    const app = express();
    app.use(express.json());
    app.use('/cs', expressProxy({ apiKey: API_KEY, upstream: mock.url, maxBodyBytes: 200 }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cs`;
    try {
      const post = (body: string) =>
        fetch(`${base}/api/v1/videos/track`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: new URL(base).origin },
          body,
        });
      const ok = await post(
        JSON.stringify({ video_link: 'https://www.tiktok.com/@json/video/1', duration_days: 1 }),
      );
      expect(ok.status).toBe(201);
      const big = await post(
        JSON.stringify({
          video_link: 'https://www.tiktok.com/@json/video/2',
          duration_days: 1,
          pad: 'x'.repeat(300),
        }),
      );
      expect(big.status).toBe(413);
      expect(mock.api.requestCount('POST /api/v1/videos/track')).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await mock.close();
    }
  });
});

describe('logging', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.token({ scope: 'read' });
  });
  afterAll(async () => {
    expectNoLeaks(h, [token]);
    await h.close();
  });

  it('writes one structured line per request with the route pattern, never the raw path or a token', async () => {
    const id = await h.seedVideo(1);
    h.logs.length = 0;
    await h.proxy('GET', `/api/v1/videos/${id}`, { headers: bearer(token) });
    await h.proxy('GET', `/api/v1/videos/${id}`, { headers: bearer(token) });
    await h.proxy('GET', '/api/v1/videos/../usage', { headers: bearer(token) });
    await h.proxy('POST', '/api/v1/videos/track', {
      headers: bearer(token, { 'Content-Type': 'application/json' }),
      body: '{}',
    });
    expect(h.logs).toHaveLength(4);
    expect(h.logs[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      method: 'GET',
      route: 'GET /api/v1/videos/:id',
      status: 200,
      latency_ms: expect.any(Number),
      cache: 'miss',
      auth: 'token',
      upstream_status: 200,
    });
    expect(h.logs[1]).toMatchObject({ status: 200, cache: 'hit', auth: 'token' });
    expect(h.logs[1]).not.toHaveProperty('upstream_status');
    expect(h.logs[2]).toMatchObject({ route: null, status: 400, code: 'bad_path', auth: 'none' });
    expect(h.logs[3]).toMatchObject({
      route: 'POST /api/v1/videos/track',
      status: 403,
      code: 'missing_scope',
    });
    const lines = h.logs.map((entry) => JSON.stringify(entry)).join('\n');
    expect(lines).not.toContain(id);
    expect(lines).not.toContain(token);
  });
});
