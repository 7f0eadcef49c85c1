import { limitHeaders, type RateLimiter } from '../../rateLimiter.js';
import type { Principal } from '../auth.js';
import type { Stage } from '../compose.js';
import { sha256 } from '../etag.js';
import type { Refusal } from '../respond.js';
import type { StoreKeys } from '../storeKeys.js';

const SIMPLE_KEY = /^[A-Za-z0-9_.:@-]{1,100}$/;

/** The per-client limits: every request, then tracks; 429 with `Retry-After` past either. Refusals made before do not count. */
export function limitRequests(
  requests: RateLimiter | null,
  tracks: RateLimiter | null,
  keys: StoreKeys,
): Stage {
  async function hit(
    limiter: RateLimiter | null,
    principal: Principal,
    what: string,
  ): Promise<Refusal | null> {
    if (limiter === null) return null;
    // a subject is the host's user id, any string: hashed unless it is a short plain one
    const key = SIMPLE_KEY.test(principal.limitKey) ? principal.limitKey : await sha256(principal.limitKey);
    const decision = await limiter.hit(await keys.scoped(key));
    if (decision.allowed) return null;
    return {
      status: 429,
      code: `${what}_rate_limited`,
      message: `Too many ${what} requests: at most ${decision.limit} per ${limiter.rule.windowSeconds} s. Try again in ${decision.retryAfterSeconds} s.`,
      headers: limitHeaders(decision),
    };
  }

  return async (context, next) => {
    const { principal } = context;
    const limited =
      (await hit(requests, principal, 'proxy')) ??
      (context.route.name === 'trackVideo' ? await hit(tracks, principal, 'track') : null);
    return limited ? context.refuse(limited) : next();
  };
}
