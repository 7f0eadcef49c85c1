import { importVerifyKey, type VerifiedToken, verifyTokenWithKey } from '../tokens.js';
import { Lru } from './lru.js';

/** Tokens remembered per proxy: a few hundred bytes each, at most 8 KB (longer ones are refused). */
const MAX_ENTRIES = 1_000;

interface Entry {
  token: VerifiedToken;
  /** When it was verified (ms, this process's clock). */
  verifiedAt: number;
}

/** Checks bearer tokens against one secret; see {@link createVerifiedTokens}. */
export type VerifyBearer = (token: string) => Promise<VerifiedToken>;

/**
 * Verifies tokens like `verifyToken`, remembering the ones that passed, by their exact text,
 * until they expire. The signature check (Web Crypto HMAC, a job on another thread with its
 * promise) was most of a cached GET's cost, and a browser sends the same token on every request
 * until it renews it.
 *
 * What stays the same: a token is let in only while `exp` plus the clock tolerance is ahead
 * (the same bound `verifyToken` applies); any other text (a changed signature, claim or
 * padding) is a different key and is verified in full; refusals are never remembered; the
 * clock going back past the first check verifies again (its `iat`/`nbf` held at that time).
 * At most {@link MAX_ENTRIES} tokens are kept, the least recently used going first. Scope,
 * video ids and origin are checked per request by the caller, from the remembered claims.
 */
export function createVerifiedTokens(
  secret: Uint8Array,
  clockToleranceSeconds: number,
  maxEntries = MAX_ENTRIES,
): VerifyBearer {
  const verified = new Lru<Entry>(maxEntries);
  const toleranceMs = clockToleranceSeconds * 1000;
  // copied: a caller changing their bytes later changes nothing; imported once, at the first token
  const bytes = new Uint8Array(secret);
  let key: Promise<CryptoKey> | null = null;
  return async (token) => {
    const now = Date.now();
    const known = verified.get(token, now);
    if (known !== undefined && known.verifiedAt <= now) return known.token;
    key ??= importVerifyKey(bytes);
    const claims = await verifyTokenWithKey(token, await key, clockToleranceSeconds);
    // frozen: every request with this token shares the object
    const frozen = Object.freeze({
      ...claims,
      scope: Object.freeze([...claims.scope]) as VerifiedToken['scope'],
      videoIds: claims.videoIds === null ? null : (Object.freeze([...claims.videoIds]) as string[]),
    });
    // the bound jose checks: refused once the clock (whole seconds) reaches exp + tolerance
    verified.set(token, { token: frozen, verifiedAt: now }, claims.expiresAt + toleranceMs);
    return frozen;
  };
}
