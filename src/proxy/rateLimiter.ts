import type { ProxyStore } from './cache.js';

/** At most `max` requests per `windowSeconds`, per token subject or client. */
export interface LimitRule {
  max: number;
  windowSeconds: number;
}

/** Outcome of one {@link RateLimiter.hit}. */
export interface LimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the window ends (ms since epoch). */
  resetAt: number;
  /** Whole seconds until the window ends, at least 1 (for `Retry-After`). */
  retryAfterSeconds: number;
}

/** Counts hits per key in fixed windows kept in a {@link ProxyStore}. */
export interface RateLimiter {
  readonly rule: LimitRule;
  hit(key: string): Promise<LimitDecision>;
}

/**
 * A fixed-window limiter over `store` (so several proxy instances sharing a store share the
 * limit). `name` namespaces the counters (`limit:<name>:<key>`).
 */
export function createRateLimiter(store: ProxyStore, name: string, rule: LimitRule): RateLimiter {
  if (!(rule.max >= 1) || !(rule.windowSeconds > 0)) {
    throw new RangeError(`The ${name} limit needs max >= 1 and windowSeconds > 0.`);
  }
  const windowMs = rule.windowSeconds * 1000;
  return {
    rule,
    async hit(key) {
      const { count, resetAt } = await store.increment(`limit:${name}:${key}`, windowMs);
      return {
        allowed: count <= rule.max,
        limit: rule.max,
        remaining: Math.max(0, rule.max - count),
        resetAt,
        retryAfterSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)),
      };
    },
  };
}

/** `X-RateLimit-*` headers of a decision (reset as Unix seconds, like the API). */
export function limitHeaders(decision: LimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(Math.ceil(decision.resetAt / 1000)),
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.retryAfterSeconds);
  return headers;
}
