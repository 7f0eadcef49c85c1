import { createServer, request as httpRequest, type Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/mock/index';
import { expressProxy, mintToken, nodeProxy, type ProxyOptions } from '../../src/proxy/index';
import { closeServer, listen } from './harness';

const API_KEY = 'cs_live_NODEPROXY_never_in_a_browser_1b2c';
const SECRET = 'node-proxy-test-token-secret-0123456789-abcd';
const MOUNT = '/api/contentstats';

let mock: MockServer;
let viaNode: string;
let viaExpress: string;
let videoId: string;
const servers: Server[] = [];

/** A raw request, so paths reach the server exactly as written (fetch would resolve `..`). */
function raw(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const bearer = async (scope: 'read' | 'track', subject?: string) => ({
  authorization: `Bearer ${(await mintToken({ scope, ...(subject === undefined ? {} : { subject }) }, SECRET)).token}`,
});

beforeAll(async () => {
  mock = await startMockServer({
    port: 0,
    keys: [{ key: API_KEY, plan: 'enterprise', balance_usd: 1000 }],
    fixtures: false,
    log: () => {},
  });
  const response = await fetch(`${mock.url}/api/v1/videos/track`, {
    method: 'POST',
    headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      video_link: 'https://www.tiktok.com/@node/video/7700000000000000001',
      duration_days: 3,
    }),
  });
  videoId = ((await response.json()) as { id: string }).id;
  const options: ProxyOptions = {
    apiKey: API_KEY,
    upstream: mock.url,
    tokenSecret: SECRET,
    limits: { requests: { max: 3, windowSeconds: 60 } },
  };
  const node = createServer(nodeProxy({ ...options, basePath: MOUNT }));
  const app = express();
  app.disable('x-powered-by');
  app.use(MOUNT, expressProxy(options));
  const viaApp = createServer(app);
  servers.push(node, viaApp);
  viaNode = await listen(node);
  viaExpress = await listen(viaApp);
});

afterAll(async () => {
  for (const server of servers) await closeServer(server);
  await mock.close();
});

describe('nodeProxy (plain node:http listener)', () => {
  it('answers a video GET as expressProxy does: same status, body and caching headers, then from its cache', async () => {
    const auth = await bearer('read', 'reader-1');
    const path = `${MOUNT}/api/v1/videos/${videoId}`;
    const first = await raw(viaNode, 'GET', path, auth);
    const second = await raw(viaNode, 'GET', path, auth);
    const express1 = await raw(viaExpress, 'GET', path, auth);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(second.text).toBe(express1.text);
    for (const name of ['content-type', 'x-content-type-options', 'vary', 'etag', 'content-length']) {
      expect({ name, value: second.headers[name] }).toEqual({ name, value: express1.headers[name] });
    }
    expect(second.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(`${JSON.stringify(first.headers)}${first.text}`).not.toContain(API_KEY);
  });

  it('refuses what the proxy refuses: no token, a path outside the mount, dot segments, CONNECT-like methods', async () => {
    const path = `${MOUNT}/api/v1/videos/${videoId}`;
    const noToken = await raw(viaNode, 'GET', path);
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.text)).toMatchObject({ code: 'missing_token' });
    const outside = await raw(viaNode, 'GET', '/elsewhere/api/v1/usage', await bearer('read'));
    expect(outside.status).toBe(404);
    expect(JSON.parse(outside.text)).toMatchObject({ code: 'unknown_route' });
    const sneaky = await raw(viaNode, 'GET', `${MOUNT}/api/v1/videos/x/../../usage`, await bearer('read'));
    expect(sneaky.status).toBe(400);
    // a prefix of the mount is not the mount
    expect((await raw(viaNode, 'GET', `${MOUNT}x/api/v1/videos`, await bearer('read'))).status).toBe(404);
  });

  it('reads a track body with its limit and counts per-client limits by the socket address', async () => {
    const track = await bearer('track');
    const tooLarge = await raw(
      viaNode,
      'POST',
      `${MOUNT}/api/v1/videos/track`,
      { ...track, 'content-type': 'application/json' },
      JSON.stringify({ video_link: `https://www.tiktok.com/@x/video/${'1'.repeat(9000)}`, duration_days: 1 }),
    );
    expect(tooLarge.status).toBe(413);
    const tracked = await raw(
      viaNode,
      'POST',
      `${MOUNT}/api/v1/videos/track`,
      { ...track, 'content-type': 'application/json' },
      JSON.stringify({
        video_link: 'https://www.tiktok.com/@node/video/7700000000000000002',
        duration_days: 1,
      }),
    );
    expect(tracked.status).toBe(201);
    // tokens without a subject count per address: 3 a minute in all (the track above was one)
    const reader = await bearer('read');
    const statuses: number[] = [];
    for (let n = 0; n < 3; n++)
      statuses.push((await raw(viaNode, 'GET', `${MOUNT}/api/v1/videos/${videoId}`, reader)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
