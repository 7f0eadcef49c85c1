import type { RateLimit } from './types.js';

const NUMERIC = /^\s*\d+(\.\d+)?\s*$/;

function intHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || !NUMERIC.test(raw)) return null;
  return Number(raw);
}

/**
 * The API's clock minus this machine's, from the answer's `Date` header (0 without a usable one).
 * `Date` has whole seconds and is truncated, so the skew errs early by under a second: a deadline
 * moved by it lands up to a second late, never early.
 */
function clockSkew(headers: Headers, now: number): number {
  const date = Date.parse(headers.get('date') ?? '');
  return Number.isNaN(date) ? 0 : date - now;
}

/**
 * Reads `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`.
 * The reset may be Unix seconds (what the local API sends), Unix milliseconds, or
 * seconds from now (what some gateways send); all become ms since epoch on this machine's clock:
 * an absolute reset is a time on the API's clock, moved by the `Date` header's skew, so a viewer
 * whose clock is off still counts down the right number of seconds.
 * Returns `null` when the headers are absent or unreadable.
 */
export function parseRateLimit(headers: Headers, now: number = Date.now()): RateLimit | null {
  const limit = intHeader(headers, 'x-ratelimit-limit');
  const remaining = intHeader(headers, 'x-ratelimit-remaining');
  const reset = intHeader(headers, 'x-ratelimit-reset');
  if (limit === null || remaining === null || reset === null) return null;
  let resetAt: number;
  if (reset > 1e12) resetAt = reset - clockSkew(headers, now);
  else if (reset > 1e9) resetAt = reset * 1000 - clockSkew(headers, now);
  else resetAt = now + reset * 1000;
  return { limit, remaining, resetAt };
}

/**
 * When a retry may succeed after a 429/503: `Retry-After` (seconds or an HTTP date) wins,
 * then the rate-limit reset. `undefined` when the response says nothing.
 */
export function parseRetryAt(
  headers: Headers,
  rateLimit: RateLimit | null,
  now: number = Date.now(),
): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    if (NUMERIC.test(retryAfter)) return now + Number(retryAfter) * 1000;
    // an HTTP date is on the API's clock, like the reset
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return date - clockSkew(headers, now);
  }
  return rateLimit?.resetAt;
}
