import { describe, expect, it } from 'vitest';
import { harness, T0 } from './harness';

describe('mock engine: rate limits', () => {
  it('sends X-RateLimit-* on every response, counting down', async () => {
    const h = harness({ keys: [{ key: 'k_free', plan: 'free', balance_usd: 5 }] });
    const first = await h.call('GET', '/api/v1/usage', { key: 'k_free' });
    expect(first.headers.get('x-ratelimit-limit')).toBe('60');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('59');
    expect(first.headers.get('x-ratelimit-reset')).toBe(String(T0 / 1000 + 60)); // epoch seconds
    const notFound = await h.call('GET', '/api/v1/videos/nope', { key: 'k_free' });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('x-ratelimit-remaining')).toBe('58');
  });

  it('puts requests without a valid key on one shared anonymous bucket with the free limit', async () => {
    const h = harness();
    const missing = await h.call('GET', '/api/v1/usage', { key: null });
    const invalid = await h.call('GET', '/api/v1/usage', { key: 'wrong' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('x-ratelimit-limit')).toBe('60');
    expect(invalid.headers.get('x-ratelimit-remaining')).toBe('58');
    // the real key has its own bucket
    expect((await h.call('GET', '/api/v1/usage')).headers.get('x-ratelimit-remaining')).toBe('299');
  });

  it('answers 429 past the plan limit with Retry-After, then resets after 60 s of wall-clock time', async () => {
    const h = harness({ keys: [{ key: 'k_free', plan: 'free', balance_usd: 5 }] });
    for (let i = 0; i < 60; i++)
      expect((await h.call('GET', '/api/v1/usage', { key: 'k_free' })).status).toBe(200);
    h.advanceWall(23_000);
    const limited = await h.call('GET', '/api/v1/usage', { key: 'k_free' });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({
      error: 'Rate limit exceeded: 60 requests per minute on the free plan. Retry after 37 s.',
      retry_after: 37,
    });
    expect(limited.headers.get('retry-after')).toBe('37');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(T0 / 1000 + 60));

    // simulated time does not reset the window...
    h.advance(24);
    expect((await h.call('GET', '/api/v1/usage', { key: 'k_free' })).status).toBe(429);
    // ...wall-clock time does
    h.advanceWall(37_000);
    const after = await h.call('GET', '/api/v1/usage', { key: 'k_free' });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('59');
  });

  it('allows 300 per minute on pro', async () => {
    const h = harness();
    for (let i = 0; i < 300; i++) await h.call('GET', '/api/v1/usage');
    const limited = await h.call('GET', '/api/v1/usage');
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatch(/300 requests per minute on the pro plan/);
  });
});

describe('mock engine: rate-limit header edges', () => {
  it('keeps Remaining at 0 (never negative) and Retry-After at least 1 s up to the last ms of the window', async () => {
    const h = harness({ keys: [{ key: 'k_free', plan: 'free', balance_usd: 5 }] });
    for (let i = 0; i < 60; i++) await h.call('GET', '/api/v1/usage', { key: 'k_free' });
    for (let i = 0; i < 5; i++) {
      const limited = await h.call('GET', '/api/v1/usage', { key: 'k_free' });
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    }
    h.advanceWall(59_999); // 1 ms before the reset
    const last = await h.call('GET', '/api/v1/usage', { key: 'k_free' });
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('1');
    expect(last.json.retry_after).toBe(1);
  });
});
