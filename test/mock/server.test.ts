import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMockApi,
  DEMO_API_KEY,
  type MockServer,
  startMockServer,
  verifyWebhookSignature,
} from '../../src/mock/index';

const servers: MockServer[] = [];
const cleanups: Array<() => Promise<void>> = [];

async function start(options: Parameters<typeof startMockServer>[0] = {}): Promise<MockServer> {
  const server = await startMockServer({ ...options, port: 0 });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('startMockServer', () => {
  it('serves the API over HTTP on a free port: track, then read it back', async () => {
    const server = await start({ start: '2024-01-29T10:00:00Z' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const tracked = await fetch(`${server.url}/api/v1/videos/track`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': DEMO_API_KEY },
      body: JSON.stringify({ video_link: 'https://www.tiktok.com/@user/video/123', duration_days: 7 }),
    });
    expect(tracked.status).toBe(201);
    expect(tracked.headers.get('access-control-allow-origin')).toBe('*');
    expect(tracked.headers.get('x-ratelimit-limit')).toBe('300');
    const { id } = (await tracked.json()) as { id: string };
    const video = await fetch(`${server.url}/api/v1/videos/${id}`, {
      headers: { 'X-API-Key': DEMO_API_KEY },
    });
    expect(await video.json()).toMatchObject({
      id,
      status: 'monitoring',
      created_at: '2024-01-29T10:00:00Z',
    });
    expect(server.api.requestCount()).toBe(2);
    expect(server.api.requestCount('POST /api/v1/videos/track')).toBe(1);
    expect(server.api.requestCount(`/api/v1/videos/${id}`)).toBe(1);
  });

  it('runs the simulated clock `speed` times faster than real time', async () => {
    const server = await start({ speed: 3600 * 1000, start: 0 }); // 1 ms real = 1 h simulated
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.api.now()).toBeGreaterThan(15 * 3_600_000);
  });

  it('answers CORS preflight with 204 and the allowed/exposed headers', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/api/v1/videos/track`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-api-key,idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/X-API-Key/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Reset/);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect(server.api.requestCount()).toBe(0);
  });

  it('refuses bodies over 1 MB with 413 JSON', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/api/v1/videos/track`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': DEMO_API_KEY },
      body: JSON.stringify({ video_link: 'x'.repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/too large/) });
    // the server is still fine afterwards
    const ok = await fetch(`${server.url}/api/v1/usage`, { headers: { 'X-API-Key': DEMO_API_KEY } });
    expect(ok.status).toBe(200);
  });

  it('answers 404 JSON for an unknown route', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });

  it('POSTs signed webhook events that verify with the secret', async () => {
    const received: Array<{ body: string; headers: IncomingMessage['headers'] }> = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ body, headers: req.headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => receiver.close(() => resolve())));
    const secret = 'whsec_local_test';
    const api = createMockApi({
      keys: [{ key: 'k1', plan: 'free', balance_usd: 5 }],
      webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, secret },
    });
    const server = await start({ api, webhookIntervalMs: 50 });

    const tracked = await fetch(`${server.url}/api/v1/videos/track`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': 'k1' },
      body: JSON.stringify({ video_link: 'https://vm.tiktok.com/ZMabc123/', duration_days: 1 }),
    });
    const { id } = (await tracked.json()) as { id: string };
    await expect.poll(() => received.length, { timeout: 2000, interval: 20 }).toBeGreaterThan(0);

    const [delivery] = received;
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['contentstats-event']).toBe('snapshot.created');
    const signature = delivery!.headers['contentstats-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature(delivery!.body, signature, secret)).toBe(true);
    expect(await verifyWebhookSignature(delivery!.body, signature, 'whsec_wrong')).toBe(false);
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'snapshot.created', data: { video_id: id } });
  });

  it('logs a failed delivery once and keeps serving', async () => {
    const logs: string[] = [];
    const api = createMockApi({
      keys: [{ key: 'k1', plan: 'free', balance_usd: 5 }],
      webhook: { url: 'http://127.0.0.1:9/unreachable', secret: 'whsec_x' },
    });
    const server = await start({ api, webhookIntervalMs: 60_000, log: (m) => logs.push(m) });
    await fetch(`${server.url}/api/v1/videos/track`, {
      method: 'POST',
      headers: { 'X-API-Key': 'k1' },
      body: JSON.stringify({ video_link: 'https://vm.tiktok.com/ZMabc123/' }),
    });
    expect(await server.flushWebhooks()).toBe(0);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/webhook delivery to http:\/\/127\.0\.0\.1:9\/unreachable failed/);
    expect(await server.flushWebhooks()).toBe(0); // dropped, not retried
    expect(logs).toHaveLength(1);
    expect((await fetch(`${server.url}/api/v1/usage`, { headers: { 'X-API-Key': 'k1' } })).status).toBe(200);
  });
});
