import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountContentStats } from '../../demo/server';
import { DEMO_API_KEY, startMockServer } from '../../src/mock/index';
import { closeServer, listen } from './harness';

/** demo/server.ts as `npm run demo` starts it: no env, the local API behind it; port 0 picks a free one. */
async function startDemo(): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
  delete env.CONTENTSTATS_API_KEY;
  delete env.CONTENTSTATS_API_URL;
  delete env.TOKEN_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], { env });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ContentStats proxy on (http:\/\/[\d.]+:\d+)\/api\/contentstats/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the demo exited (${code}):\n${output}`)));
  });
  return { child, base, output: () => output };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

describe('demo/server.ts is safe to copy (review #1)', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;

  beforeAll(async () => {
    demo = await startDemo();
  }, 20_000);
  afterAll(async () => {
    if (demo.child.exitCode === null) {
      const exited = new Promise((resolve) => demo.child.once('exit', resolve));
      demo.child.kill('SIGTERM');
      await exited;
    }
  });

  const token = async () => {
    const res = await fetch(`${demo.base}/api/contentstats-token`, { method: 'POST' });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };

  it('mints read + track tokens with a subject (it used to hand out all four scopes, with none)', async () => {
    const claims = claimsOf(await token());
    expect(claims.scope).toEqual(['read', 'track']);
    expect(claims.sub).toMatch(/^demo-ip:/);
  });

  it('keeps stop and usage closed, and reads and tracks through the local API', async () => {
    const auth = { Authorization: `Bearer ${await token()}` };
    const usage = await fetch(`${demo.base}/api/contentstats/api/v1/usage`, { headers: auth });
    expect(usage.status).toBe(403);
    expect(((await usage.json()) as { code: string }).code).toBe('operation_closed');
    const list = await fetch(`${demo.base}/api/contentstats/api/v1/videos`, { headers: auth });
    expect(list.status).toBe(200);
    const tracked = await fetch(`${demo.base}/api/contentstats/api/v1/videos/track`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ video_link: 'https://www.tiktok.com/@demo/video/1234567890', duration_days: 1 }),
    });
    expect(tracked.status).toBe(201);
  });

  it("passes the local API's freshness through, with no cache cap in the template (60×: a snapshot a real minute)", async () => {
    const auth = { Authorization: `Bearer ${await token()}` };
    const list = (await (
      await fetch(`${demo.base}/api/contentstats/api/v1/videos`, { headers: auth })
    ).json()) as {
      videos: { id: string; status: string }[];
    };
    const running = list.videos.find((video) => video.status === 'monitoring');
    expect(running).toBeDefined();
    const path = `/api/v1/videos/${running?.id}`;
    const local = /local API (http:\/\/[\d.]+:\d+)/.exec(demo.output())?.[1];
    const direct = () => fetch(`${local}${path}`, { headers: { 'X-API-Key': DEMO_API_KEY } });
    const maxAge = (res: Response) =>
      Number(/max-age=(\d+)/.exec(res.headers.get('cache-control') ?? '')?.[1]);
    // asked just before and just after: a snapshot landing in between widens the range, never fails it
    const before = maxAge(await direct());
    const viaProxy = await fetch(`${demo.base}/api/contentstats${path}`, { headers: auth });
    const after = maxAge(await direct());
    expect(viaProxy.status).toBe(200);
    // the API's own max-age (real seconds at its speed), not a fixed cap nor the proxy's own guess
    expect(maxAge(viaProxy)).toBeGreaterThanOrEqual(Math.min(before, after) - 1);
    expect(maxAge(viaProxy)).toBeLessThanOrEqual(Math.max(before, after) + 1);
    expect(maxAge(viaProxy)).toBeLessThanOrEqual(60);
    expect(viaProxy.headers.get('date')).not.toBeNull();
    expect(readFileSync('demo/server.ts', 'utf8')).not.toMatch(/maxTtlSeconds/);
  });

  it('prints how to call it: token, list and track', () => {
    expect(demo.output()).toContain('/api/contentstats-token');
    expect(demo.output()).toContain('/api/contentstats/api/v1/videos/track');
  });
});

describe('mountContentStats (the function demo/run.ts mounts for the dashboard)', () => {
  it('opens exactly the scopes it is given, on its own path and token endpoint', async () => {
    const mock = await startMockServer({ port: 0 });
    const app = express();
    const secret = 'demo-mount-test-secret-0123456789-abcdefghijkl';
    const quiet = () => {};
    mountContentStats(app, {
      apiKey: DEMO_API_KEY,
      upstream: mock.url,
      tokenSecret: secret,
      scope: ['read', 'usage'],
      path: '/api/owner',
      onLog: quiet,
    });
    const server = createServer(app);
    const base = await listen(server);
    try {
      const minted = await fetch(`${base}/api/owner-token`, { method: 'POST' });
      const { token } = (await minted.json()) as { token: string };
      expect(claimsOf(token).scope).toEqual(['read', 'usage']);
      const auth = { Authorization: `Bearer ${token}` };
      expect((await fetch(`${base}/api/owner/api/v1/usage`, { headers: auth })).status).toBe(200);
      const stop = await fetch(`${base}/api/owner/api/v1/videos/cm5fixviral1/stop`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
      });
      expect(stop.status).toBe(403);
      expect(((await stop.json()) as { code: string }).code).toBe('operation_closed');
    } finally {
      await closeServer(server);
      await mock.close();
    }
  });
});
