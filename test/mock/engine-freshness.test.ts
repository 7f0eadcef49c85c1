import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../src/mock/index';
import { HOUR, harness, link, T0 } from './harness';

const MINUTE = 60_000;

async function cacheControlOf(h: ReturnType<typeof harness>, id: unknown): Promise<string | null> {
  const res = await h.call('GET', `/api/v1/videos/${String(id)}`);
  expect(res.status).toBe(200);
  return res.headers.get('cache-control');
}

describe('mock engine: a video answer says how long it stays current', () => {
  it('at 1×: max-age runs to the next hourly snapshot', async () => {
    const h = harness();
    const { json } = await h.track(link(1), 7);
    expect(await cacheControlOf(h, json.id)).toBe('max-age=3600');
    h.clocks.sim += 20 * MINUTE;
    expect(await cacheControlOf(h, json.id)).toBe('max-age=2400');
    h.clocks.sim += 40 * MINUTE - 300; // 0.3 s before snapshot 1: rounded up, never early
    expect(await cacheControlOf(h, json.id)).toBe('max-age=1');
    h.clocks.sim += 300; // snapshot 1 exists now: a whole hour again
    expect(await cacheControlOf(h, json.id)).toBe('max-age=3600');
  });

  it('converts simulated time to real seconds at the engine’s speed', async () => {
    const h = harness({ speed: 60 }); // a simulated hour per real minute
    const { json } = await h.track(link(1), 7);
    expect(await cacheControlOf(h, json.id)).toBe('max-age=60');
    h.clocks.sim += 40 * MINUTE;
    expect(await cacheControlOf(h, json.id)).toBe('max-age=20');
  });

  it('at 3600× says 1 s: a snapshot per real second, never 0', async () => {
    const h = harness({ speed: 3600 });
    const { json } = await h.track(link(1), 7);
    expect(await cacheControlOf(h, json.id)).toBe('max-age=1');
    h.clocks.sim += 59 * MINUTE + 59_999;
    expect(await cacheControlOf(h, json.id)).toBe('max-age=1');
  });

  it('after the last snapshot, runs to the completion; a finished tracking keeps for a day', async () => {
    const h = harness();
    const { json } = await h.track(link(1), 1);
    h.clocks.sim += 23 * HOUR + 30 * MINUTE; // snapshot 23 of 24 taken; completes at 24 h
    expect(await cacheControlOf(h, json.id)).toBe('max-age=1800');
    h.clocks.sim += 30 * MINUTE;
    const done = await h.call('GET', `/api/v1/videos/${String(json.id)}`);
    expect(done.json.status).toBe('completed');
    expect(done.headers.get('cache-control')).toBe('max-age=86400');
  });

  it('a stopped tracking keeps for a day', async () => {
    const h = harness();
    const { json } = await h.track(link(1), 7);
    await h.call('POST', `/api/v1/videos/${String(json.id)}/stop`);
    expect(await cacheControlOf(h, json.id)).toBe('max-age=86400');
  });

  it('the list runs to the soonest change of a running tracking, an hour when none runs', async () => {
    const h = harness();
    const list = async () => (await h.call('GET', '/api/v1/videos')).headers.get('cache-control');
    expect(await list()).toBe('max-age=3600');
    const a = await h.track(link(1), 7);
    h.clocks.sim += 45 * MINUTE;
    await h.track(link(2), 7);
    expect(await list()).toBe('max-age=900'); // link(1)'s snapshot 1, 15 min away
    await h.call('POST', `/api/v1/videos/${String(a.json.id)}/stop`);
    expect(await list()).toBe('max-age=3600'); // link(2)'s snapshot 1, an hour away
  });

  it('errors and the other endpoints are no-store', async () => {
    const h = harness();
    const { json } = await h.track(link(1), 7);
    const again = await h.track(link(1), 7);
    expect(again.status).toBe(409);
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect((await h.call('GET', '/api/v1/videos/cm5nothere')).headers.get('cache-control')).toBe('no-store');
    expect(
      (await h.call('GET', `/api/v1/videos/${String(json.id)}`, { key: 'nope' })).headers.get(
        'cache-control',
      ),
    ).toBe('no-store');
    expect((await h.call('GET', '/api/v1/usage')).headers.get('cache-control')).toBe('no-store');
    expect(
      (await h.call('POST', `/api/v1/videos/${String(json.id)}/stop`)).headers.get('cache-control'),
    ).toBe('no-store');
  });

  it('dates every response with the wall clock, not the simulated one', async () => {
    const h = harness({ start: Date.parse('2031-07-04T00:00:00Z'), speed: 3600 });
    h.clocks.wall = Date.parse('2026-11-25T09:30:15.250Z');
    const usage = await h.call('GET', '/api/v1/usage');
    expect(usage.headers.get('date')).toBe('Wed, 25 Nov 2026 09:30:15 GMT');
    const missing = await h.call('GET', '/api/v1/videos/cm5nothere');
    expect(missing.headers.get('date')).toBe('Wed, 25 Nov 2026 09:30:15 GMT');
  });

  it('refuses a speed that is not a positive number', () => {
    for (const speed of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createMockApi({ speed, clock: () => T0 })).toThrow(RangeError);
    }
  });
});
