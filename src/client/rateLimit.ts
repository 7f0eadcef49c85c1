import type { RateLimit } from './types.js';

const NUMERIC = /^\s*\d+(\.\d+)?\s*$/;

function intHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || !NUMERIC.test(raw)) return null;
  return Number(raw);
}

/**
 * Reads `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`.
 * The reset may be Unix seconds (what the local API sends), Unix milliseconds, or
 * seconds from now (what some gateways send); all become ms since epoch.
 * Returns `null` when the headers are absent or unreadable.
 */
export function parseRateLimit(headers: Headers, now: number = Date.now()): RateLimit | null {
  const limit = intHeader(headers, 'x-ratelimit-limit');
  const remaining = intHeader(headers, 'x-ratelimit-remaining');
  const reset = intHeader(headers, 'x-ratelimit-reset');
  if (limit === null || remaining === null || reset === null) return null;
  let resetAt: number;
  if (reset > 1e12) resetAt = reset;
  else if (reset > 1e9) resetAt = reset * 1000;
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
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return date;
  }
  return rateLimit?.resetAt;
}
