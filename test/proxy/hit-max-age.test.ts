import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Harness, startHarness } from './harness';

// A cache hit must not tell a viewer to come back before the entry it was served from expires:
// with the remaining time rounded down, a viewer served from the cache returned up to a second
// early, got the same snapshot with max-age=0 and paused a whole minute (the client's wait for a
// late snapshot), which at an accelerated API lost it snapshots (found by bench/network.ts).

describe('max-age on a cache hit', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.token({ scope: 'read', ttlSeconds: 3600 });
  });
  afterAll(() => h.close());

  const maxAge = (headers: Record<string, unknown>) =>
    Number(/max-age=(\d+)/.exec(String(headers['cache-control']))?.[1] ?? Number.NaN);

  it('is the remaining time rounded up: the same as the miss within the same second', async () => {
    const id = await h.seedVideo(1);
    const started = performance.now();
    const miss = await h.proxy('GET', `/api/v1/videos/${id}`, { headers: bearer(token) });
    const hit = await h.proxy('GET', `/api/v1/videos/${id}`, { headers: bearer(token) });
    const elapsedSeconds = (performance.now() - started) / 1000;
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(maxAge(miss.headers)).toBeGreaterThan(1);
    // rounded down it would be one less than the miss's whenever any time at all had passed
    expect(maxAge(hit.headers)).toBeGreaterThanOrEqual(maxAge(miss.headers) - Math.floor(elapsedSeconds));
    expect(maxAge(hit.headers)).toBeLessThanOrEqual(maxAge(miss.headers));
  });
});
