import type { Stage } from '../compose.js';
import { sha256 } from '../etag.js';

// 255 (the API's limit) minus the 23 characters of the caller's namespace prefix
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,232}$/;

/**
 * Forwards a track's `Idempotency-Key` prefixed with a hash of the caller: the API keeps one key
 * space per account, so one user's key can neither collide with nor replay another's, and it
 * stays the same across token refreshes (the prefix is the subject or address, not the token).
 */
export function namespaceIdempotencyKey(): Stage {
  return async (context, next) => {
    const key = context.request.headers.get('idempotency-key');
    if (context.route.name !== 'trackVideo' || key === null) return next();
    if (!IDEMPOTENCY_KEY.test(key)) {
      return context.refuse({
        status: 400,
        code: 'bad_idempotency_key',
        message: 'Idempotency-Key must be 1 to 232 letters, digits, "_", "-", "." or ":".',
      });
    }
    const prefix = (await sha256(`idempotency\n${context.principal.limitKey}`)).slice(0, 22);
    context.idempotencyKey = `${prefix}:${key}`;
    return next();
  };
}
