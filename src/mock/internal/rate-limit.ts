/** Length of a rate-limit window. */
export const RATE_WINDOW_MS = 60_000;

/** Outcome of counting one request against a bucket. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the window resets, Unix epoch seconds (rounded up), as sent in `X-RateLimit-Reset`. */
  resetSeconds: number;
  /** Whole seconds until the reset (at least 1), as sent in `Retry-After` on a 429. */
  retryAfterSeconds: number;
}

/** Counts requests per bucket. */
export interface RateLimiter {
  hit(bucket: string, limit: number): RateDecision;
}

/**
 * Fixed windows per bucket: a window opens with the first request after the previous
 * one ended and lasts 60 s of `wallClock`. Refused requests do not count.
 */
export function createRateLimiter(wallClock: () => number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(bucket, limit) {
      const now = wallClock();
      let window = windows.get(bucket);
      if (!window || now >= window.start + RATE_WINDOW_MS) {
        window = { start: now, count: 0 };
        windows.set(bucket, window);
      }
      const resetMs = window.start + RATE_WINDOW_MS;
      const allowed = window.count < limit;
      if (allowed) window.count++;
      return {
        allowed,
        limit,
        remaining: Math.max(0, limit - window.count),
        resetSeconds: Math.ceil(resetMs / 1000),
        retryAfterSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
      };
    },
  };
}
