import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, type MockServer, startMockServer } from '../../src/mock/index';

const servers: MockServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: Parameters<typeof startMockServer>[0]): Promise<MockServer> {
  const server = await startMockServer({ ...options, port: 0 });
  servers.push(server);
  return server;
}

async function track(server: MockServer, videoLink: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/videos/track`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': DEMO_API_KEY },
    body: JSON.stringify({ video_link: videoLink, duration_days: 7 }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function read(server: MockServer, id: string) {
  const res = await fetch(`${server.url}/api/v1/videos/${id}`, { headers: { 'X-API-Key': DEMO_API_KEY } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { snapshots: unknown[] };
  const receivedAt = Date.now();
  const maxAge = /^max-age=(\d+)$/.exec(res.headers.get('cache-control') ?? '')?.[1];
  return {
    snapshots: body.snapshots.length,
    maxAge: Number(maxAge),
    date: res.headers.get('date'),
    receivedAt,
  };
}

/** Waits until `Date.now()` (the clock the server's simulated time runs on) reaches `deadline`. */
async function until(deadline: number): Promise<void> {
  while (Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, deadline - Date.now()));
}

/** The `Date` header is within a few seconds of this machine's real clock. */
function expectRealDate(date: string | null): void {
  expect(Math.abs(Date.parse(date ?? '') - Date.now())).toBeLessThan(5_000);
}

describe('startMockServer: freshness in real seconds', () => {
  it('at 3600× says max-age=1, and a refetch when it runs out finds a new snapshot', async () => {
    const server = await start({ speed: 3600 });
    const id = await track(server, 'https://www.tiktok.com/@fresh/video/1');
    let previous = await read(server, id);
    expect(previous.maxAge).toBe(1);
    for (let i = 0; i < 3; i++) {
      // waiting out the server's own max-age is the behaviour under test: never stale early
      await until(previous.receivedAt + previous.maxAge * 1000);
      const next = await read(server, id);
      expect(next.snapshots).toBeGreaterThan(previous.snapshots);
      expect(next.maxAge).toBe(1);
      expectRealDate(next.date); // the simulated clock is hours ahead by now; Date is not
      previous = next;
    }
  });

  it('at 1× says the real seconds until the next hourly snapshot, dated with the real clock', async () => {
    const server = await start({ speed: 1, start: '2024-01-29T10:00:00Z' });
    const id = await track(server, 'https://www.tiktok.com/@fresh/video/2');
    const { maxAge, snapshots, date } = await read(server, id);
    expect(snapshots).toBe(1);
    expect(maxAge).toBeGreaterThanOrEqual(3590);
    expect(maxAge).toBeLessThanOrEqual(3600);
    expectRealDate(date); // 2026, not the simulated 2024

    const error = await fetch(`${server.url}/api/v1/videos/cm5nothere`, {
      headers: { 'X-API-Key': DEMO_API_KEY },
    });
    expect(error.status).toBe(404);
    expect(error.headers.get('cache-control')).toBe('no-store');
    expectRealDate(error.headers.get('date'));
  });
});
