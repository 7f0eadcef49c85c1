import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/mock/index';
import {
  createMemoryStore,
  createProxy,
  createTokenEndpoint,
  mintToken,
  type ProxyLogEntry,
  type ProxyOptions,
  type ProxyStore,
} from '../../src/proxy/index';
import { API_KEY, SECRET, startCountingUpstream } from './harness';

let mock: MockServer;
let upstream: Awaited<ReturnType<typeof startCountingUpstream>>;
const seen: string[] = [];
const logs: ProxyLogEntry[] = [];

beforeAll(async () => {
  mock = await startMockServer({ port: 0, keys: [{ key: API_KEY, plan: 'pro', balance_usd: 100 }] });
  upstream = await startCountingUpstream(mock.url);
});
beforeEach(() => upstream.reset());
afterAll(async () => {
  const all = `${seen.join('\n')}\n${logs.map((l) => JSON.stringify(l)).join('\n')}`;
  expect(seen.length).toBeGreaterThan(0);
  expect(all).not.toContain(API_KEY);
  await upstream.close();
  await mock.close();
});

/** A Next.js-style handler mounted at /api/contentstats, recording what it answers. */
function handler(options: Partial<ProxyOptions> = {}) {
  const proxy = createProxy({
    apiKey: API_KEY,
    upstream: upstream.url,
    basePath: '/api/contentstats',
    onLog: (entry) => logs.push(entry),
    ...options,
  });
  return async (request: Request) => {
    const response = await proxy(request);
    const copy = response.clone();
    seen.push(JSON.stringify([...copy.headers]), await copy.text());
    return response;
  };
}

const at = (path: string, init?: RequestInit) =>
  new Request(`https://app.example/api/contentstats${path}`, init);

describe('createProxy (Web-standard handler)', () => {
  it('strips basePath and forwards the documented endpoint', async () => {
    const GET = handler();
    const res = await GET(at('/api/v1/videos?platform=tiktok'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ videos: [] });
    expect(upstream.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/videos?platform=tiktok']);
    expect(upstream.calls[0]?.headers['x-api-key']).toBe(API_KEY);
  });

  it('refuses paths outside its mount point', async () => {
    const res = await handler()(new Request('https://app.example/api/other/api/v1/videos'));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'unknown_route' });
    expect(upstream.count()).toBe(0);
  });

  it('stops reading a streamed body past maxBodyBytes (413)', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        if (pulled > 100) controller.close();
      },
    });
    const headers = { 'Content-Type': 'application/json', Origin: 'https://app.example' };
    const init = { method: 'POST', body, duplex: 'half', headers };
    const res = await handler({ maxBodyBytes: 2048 })(at('/api/v1/videos/track', init as RequestInit));
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(upstream.count()).toBe(0);
  });

  it('shares the cache and the track limit between instances through one store', async () => {
    const store = createMemoryStore();
    const a = handler({
      store,
      limits: { track: { max: 1, windowSeconds: 60 } },
      clientKey: () => '198.51.100.7',
    });
    const b = handler({
      store,
      limits: { track: { max: 1, windowSeconds: 60 } },
      clientKey: () => '198.51.100.7',
    });
    const track = (h: typeof a, n: number) =>
      h(
        at('/api/v1/videos/track', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: 'https://app.example' },
          body: JSON.stringify({ video_link: `https://www.tiktok.com/@web/video/${n}`, duration_days: 1 }),
        }),
      );
    const created = await track(a, 1);
    expect(created.status).toBe(201);
    expect((await track(b, 2)).status).toBe(429);

    const { id } = (await created.json()) as { id: string };
    upstream.reset();
    expect((await a(at(`/api/v1/videos/${id}`))).headers.get('x-cache')).toBe('MISS');
    expect((await b(at(`/api/v1/videos/${id}`))).headers.get('x-cache')).toBe('HIT');
    expect(upstream.count()).toBe(1);
  });

  it('keeps accounts apart in a shared store, and never puts the key in a store key', async () => {
    const inner = createMemoryStore();
    const keys: string[] = [];
    const note = <T>(key: string, value: T): T => {
      keys.push(key);
      return value;
    };
    const store: ProxyStore = {
      get: (key) => note(key, inner.get(key)),
      set: (key, value, ttl) => note(key, inner.set(key, value, ttl)),
      delete: (key) => inner.delete(key),
      increment: (key, windowMs) => note(key, inner.increment(key, windowMs)),
    };
    const mine = handler({ store });
    const theirs = handler({ store, apiKey: 'cs_other_account_key_0000000000' });
    const created = await mine(
      at('/api/v1/videos/track', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'https://app.example' },
        body: JSON.stringify({ video_link: 'https://www.tiktok.com/@store/video/1', duration_days: 1 }),
      }),
    );
    const { id } = (await created.json()) as { id: string };
    expect((await mine(at(`/api/v1/videos/${id}`))).status).toBe(200);
    // the other account's proxy does not get this account's cached video (its key is refused upstream)
    expect((await theirs(at(`/api/v1/videos/${id}`))).status).toBe(500);
    expect(keys.length).toBeGreaterThan(2);
    expect(keys.join('\n')).not.toContain(API_KEY);
    expect(keys.join('\n')).not.toContain('cs_other_account_key');
  });

  it('limits all requests per client when limits.requests is set', async () => {
    const GET = handler({
      limits: { requests: { max: 2, windowSeconds: 60 } },
      clientKey: () => '192.0.2.1',
    });
    expect((await GET(at('/api/v1/videos'))).status).toBe(200);
    expect((await GET(at('/api/v1/videos'))).status).toBe(200);
    const third = await GET(at('/api/v1/videos'));
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ code: 'proxy_rate_limited' });
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(upstream.count()).toBe(2);
  });

  it('limits every client to 120 requests a minute by default (review #5)', async () => {
    const GET = handler({ clientKey: (request) => request.headers.get('x-client') ?? undefined });
    const from = (client: string) => at('/api/v1/videos/nosuchvideo', { headers: { 'X-Client': client } });
    for (let i = 0; i < 120; i++) expect((await GET(from('192.0.2.50'))).status).toBe(404);
    const over = await GET(from('192.0.2.50'));
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ code: 'proxy_rate_limited' });
    expect(over.headers.get('x-ratelimit-limit')).toBe('120');
    expect((await GET(from('192.0.2.51'))).status).toBe(404);
    // the 404 was cached: 122 probes of one id, one API call
    expect(upstream.count()).toBe(1);
  });

  it('counts subject-less tokens against clientKey, so a fresh token does not reset the track limit (review #2)', async () => {
    const POST = handler({
      tokenSecret: SECRET,
      limits: { track: { max: 1, windowSeconds: 60 } },
      clientKey: (request) => request.headers.get('x-client') ?? undefined,
    });
    const track = async (client: string, n: number) => {
      const { token } = await mintToken({ scope: 'track' }, SECRET);
      return POST(
        at('/api/v1/videos/track', {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'X-Client': client,
          },
          body: JSON.stringify({ video_link: `https://www.tiktok.com/@mint/video/${n}`, duration_days: 1 }),
        }),
      );
    };
    expect((await track('198.51.100.20', 1)).status).toBe(201);
    expect((await track('198.51.100.20', 2)).status).toBe(429);
    expect((await track('198.51.100.21', 3)).status).toBe(201);
    expect(upstream.count('POST /api/v1/videos/track')).toBe(2);
  });

  it('on the session path lets in only its own host and listed origins, never "*" (review #4)', async () => {
    const post = (proxy: ReturnType<typeof handler>, origin: string, n: number) =>
      proxy(
        at('/api/v1/videos/track', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: origin },
          body: JSON.stringify({ video_link: `https://www.tiktok.com/@csrf/video/${n}`, duration_days: 1 }),
        }),
      );
    const listed = handler({ allowedOrigins: ['https://shop.example'] });
    expect((await post(listed, 'https://shop.example', 1)).status).toBe(201);
    expect((await post(listed, 'https://evil.example', 2)).status).toBe(403);
    const wildcard = handler({ allowedOrigins: '*' });
    const refused = await post(wildcard, 'https://shop.example', 3);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'origin_not_allowed' });
    expect((await post(wildcard, 'https://app.example', 4)).status).toBe(201);
    expect(upstream.count('POST /api/v1/videos/track')).toBe(2);
  });

  it('matches the path WHATWG URL already resolved, so scopes apply to where ".." leads (review #8)', async () => {
    const proxy = handler({ tokenSecret: SECRET, operations: { usage: true } });
    const { token } = await mintToken({ scope: 'read' }, SECRET);
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    // new Request() resolves "..", "%2e%2e" and "." before the proxy sees the URL
    for (const path of ['/api/v1/videos/x/../../usage', '/api/v1/videos/x/%2e%2e/%2E%2E/usage']) {
      const request = at(path, auth);
      expect(new URL(request.url).pathname).toBe('/api/contentstats/api/v1/usage');
      const res = await proxy(request);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'missing_scope' });
    }
    // leaving the mount point through ".." lands outside it
    const out = await proxy(at('/../../admin', auth));
    expect(out.status).toBe(404);
    // an encoded slash is not a separator to URL: it stays, and is refused
    const encoded = await proxy(at('/api/v1/videos/abc%2Fstop', auth));
    expect(encoded.status).toBe(400);
    expect(await encoded.json()).toMatchObject({ code: 'bad_path' });
    expect(upstream.count()).toBe(0);
  });

  it('serves a token endpoint as a Web handler too', async () => {
    const POST = createTokenEndpoint({
      secret: SECRET,
      claims: (request) =>
        request.headers.get('cookie') === 'session=ok' ? { scope: 'read', subject: 'u1' } : null,
    });
    const refused = await POST(new Request('https://app.example/token', { method: 'POST' }));
    expect(refused.status).toBe(401);
    const ok = await POST(
      new Request('https://app.example/token', { method: 'POST', headers: { Cookie: 'session=ok' } }),
    );
    const { token } = (await ok.json()) as { token: string };
    const proxy = handler({ tokenSecret: SECRET });
    expect(
      (await proxy(at('/api/v1/videos', { headers: { Authorization: `Bearer ${token}` } }))).status,
    ).toBe(200);
    expect((await proxy(at('/api/v1/videos'))).status).toBe(401);
    expect(() => createTokenEndpoint({ secret: 'short', claims: { scope: 'read' } })).toThrow(/32 bytes/);
  });

  it('checks its options when created', async () => {
    expect(() => createProxy({ apiKey: '' })).toThrow(/apiKey is required/);
    expect(() => createProxy({ apiKey: 'k', upstream: 'ftp://x' })).toThrow(/http\(s\)/);
    expect(() => createProxy({ apiKey: 'k', basePath: 'api' })).toThrow(/basePath/);
    expect(() => createProxy({ apiKey: 'k', tokenSecret: 'too-short' })).toThrow(/32 bytes/);
    const minted = await mintToken({ scope: 'read' }, SECRET);
    expect(minted.token.split('.')).toHaveLength(3);
  });
});
