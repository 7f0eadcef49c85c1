import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  createProxy,
  type ProxyErrorContext,
  type ProxyLogEntry,
  type ProxyOptions,
  type ProxyStore,
} from '../../src/proxy/index';
import { API_KEY } from './harness';

const SECRET = 'pipeline-test-token-secret-0123456789-abcdefgh';
const VIDEO = JSON.stringify({ id: 'vid_1', status: 'monitoring', snapshots: [] });

/** A Web proxy whose API is a function, recording its log lines and onError calls. */
function proxyWith(options: Partial<ProxyOptions>, api?: (url: string) => Promise<Response> | Response) {
  const logs: ProxyLogEntry[] = [];
  const errors: { error: Error; context: ProxyErrorContext }[] = [];
  const handle = createProxy({
    apiKey: API_KEY,
    onLog: (entry) => logs.push(entry),
    onError: (error, context) => errors.push({ error, context }),
    fetch: async (input) => (api ? api(String(input)) : new Response(VIDEO, { status: 200 })),
    ...options,
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    handle(new Request(`https://app.example${path}`, { headers }));
  return { get, logs, errors };
}

describe('failures reach onError and the log with their cause (issue 7, item 4)', () => {
  it('a store that is down is a 503 store_unavailable, its cause logged, onError told', async () => {
    const inner = createMemoryStore();
    const store: ProxyStore = {
      ...inner,
      get: () => Promise.reject(new Error('redis: connection lost', { cause: new Error('ETIMEDOUT') })),
    };
    const { get, logs, errors } = proxyWith({ store, limits: { requests: false, track: false } });
    const res = await get('/api/v1/videos/vid_1');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      code: 'store_unavailable',
      error: 'The proxy cannot reach its store (cache and limits). Try again shortly.',
    });
    const cause =
      "StoreUnavailableError: The proxy's store failed (get). ← Error: redis: connection lost ← Error: ETIMEDOUT";
    expect(logs).toEqual([
      expect.objectContaining({
        status: 503,
        code: 'store_unavailable',
        route: 'GET /api/v1/videos/:id',
        cause,
      }),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.error.cause).toEqual(new Error('redis: connection lost'));
    expect(errors[0]?.context).toEqual({
      code: 'store_unavailable',
      status: 503,
      method: 'GET',
      route: 'GET /api/v1/videos/:id',
      cause,
    });
  });

  it('a thrown error (an authorize hook failing) is a 500 proxy_error, its cause logged', async () => {
    const { get, logs, errors } = proxyWith({
      authorize: () => {
        throw new Error('session backend down');
      },
    });
    const res = await get('/api/v1/videos/vid_1', { 'X-Requested-With': 'fetch' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 'proxy_error', error: 'The proxy failed. Try again.' });
    expect(logs[0]).toMatchObject({ status: 500, code: 'proxy_error', cause: 'Error: session backend down' });
    expect(errors[0]?.context).toMatchObject({ code: 'proxy_error', status: 500 });
  });

  it('an API it cannot reach: 502, the network error and its cause in the log and onError', async () => {
    const { get, logs, errors } = proxyWith({}, () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 10.0.0.1:443') });
    });
    const res = await get('/api/v1/videos');
    expect(res.status).toBe(502);
    expect(logs[0]).toMatchObject({
      code: 'upstream_unreachable',
      cause: 'TypeError: fetch failed ← Error: connect ECONNREFUSED 10.0.0.1:443',
    });
    expect(errors[0]?.context).toMatchObject({ code: 'upstream_unreachable', status: 502 });
    expect(errors[0]?.error).toBeInstanceOf(TypeError);
  });

  it('a refused server key: 500 upstream_unauthorized, told to onError', async () => {
    const { get, logs, errors } = proxyWith(
      {},
      () => new Response('{"error":"Invalid API key"}', { status: 401 }),
    );
    const res = await get('/api/v1/videos');
    expect(res.status).toBe(500);
    expect(((await res.json()) as { code: string }).code).toBe('upstream_unauthorized');
    expect(logs[0]?.cause).toMatch(/401/);
    expect(errors.map((e) => e.context.code)).toEqual(['upstream_unauthorized']);
  });

  it('never puts the API key, the token secret or the caller credentials in the cause', async () => {
    const { get, logs, errors } = proxyWith({
      authorize: (request) => {
        throw new Error(
          `session lookup failed for ${request.headers.get('cookie')} with ${API_KEY} / ${SECRET}`,
        );
      },
    });
    const res = await get('/api/v1/videos', {
      Cookie: 'sid=s3cr3t-session-value',
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(res.status).toBe(500);
    const cause = String(logs[0]?.cause);
    expect(cause).toMatch(/^Error: session lookup failed for \[redacted\] with \[redacted\]/);
    expect(cause).not.toContain(API_KEY);
    expect(cause).not.toContain('s3cr3t-session-value');
    expect(errors[0]?.context.cause).toBe(cause);
  });

  it('does not call onError for refusals or the API error answers, and survives a throwing onError', async () => {
    const refused = proxyWith(
      { tokenSecret: SECRET },
      () => new Response('{"error":"Video not found"}', { status: 404 }),
    );
    expect((await refused.get('/api/v1/videos/vid_1')).status).toBe(401);
    expect(refused.errors).toEqual([]);
    const passed = proxyWith({}, () => new Response('{"error":"Video not found"}', { status: 404 }));
    expect((await passed.get('/api/v1/videos/vid_1')).status).toBe(404);
    expect(passed.errors).toEqual([]);
    expect(passed.logs[0]).not.toHaveProperty('cause');
    const throwing = createProxy({
      apiKey: API_KEY,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      onError: () => {
        throw new Error('the tracker is down too');
      },
    });
    expect((await throwing(new Request('https://app.example/api/v1/videos'))).status).toBe(502);
  });
});

describe('the unknown-route message lists only open operations (issue 7, item 5)', () => {
  const message = async (operations: ProxyOptions['operations']) => {
    const res = await proxyWith(operations === undefined ? {} : { operations }).get('/api/v1/admin');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { code: string; error: string };
    expect(body.code).toBe('unknown_route');
    return body.error;
  };

  it('names read and track by default, never the closed stop and usage', async () => {
    expect(await message(undefined)).toBe(
      'No such endpoint. This proxy forwards only: GET /api/v1/videos, GET /api/v1/videos/{id}, POST /api/v1/videos/track.',
    );
  });

  it('follows the operations option', async () => {
    expect(await message({ read: false, track: false, usage: true })).toBe(
      'No such endpoint. This proxy forwards only: GET /api/v1/usage.',
    );
    expect(await message({ read: false, track: false })).toBe(
      'No such endpoint. Every operation is closed on this proxy.',
    );
  });
});
