import { errors, jwtVerify, SignJWT } from 'jose';
import { VIDEO_ID_PATTERN } from '../shared/index.js';

/**
 * What a token lets its bearer do. Each scope opens one operation of the proxy:
 * `read` → `GET /api/v1/videos` and `GET /api/v1/videos/{id}`; `track` → `POST /api/v1/videos/track`;
 * `stop` → `POST /api/v1/videos/{id}/stop`; `usage` → `GET /api/v1/usage`.
 */
export type TokenScope = 'read' | 'track' | 'stop' | 'usage';

/** Every scope, in a stable order. */
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'track', 'stop', 'usage'];

/** Lifetime of a token when `ttlSeconds` is not given: 10 minutes. */
export const DEFAULT_TOKEN_TTL_SECONDS = 600;

/** Longest lifetime {@link mintToken} accepts: 24 hours. */
export const MAX_TOKEN_TTL_SECONDS = 86_400;

/** Audience every token carries, so JWTs minted for other purposes with the same secret are refused. */
export const TOKEN_AUDIENCE = 'contentstats-proxy';

/** Shortest secret accepted, in bytes (HS256 wants at least 256 bits). */
export const MIN_SECRET_BYTES = 32;

const MAX_VIDEO_IDS = 100;
const MAX_TOKEN_LENGTH = 8192;

/** A secret shared by the token endpoint and the proxy: a string (UTF-8) or raw bytes, at least 32 bytes. */
export type TokenSecret = string | Uint8Array;

/** What {@link mintToken} puts in a token. */
export interface MintTokenOptions {
  /** One scope or several. */
  scope: TokenScope | readonly TokenScope[];
  /**
   * Limit `read` and `stop` to these video ids (at most 100). `GET /api/v1/videos` then lists only these.
   * `track` is never limited by ids (a new video's id does not exist yet). Omit to allow every video of the account.
   */
  videoIds?: readonly string[];
  /** Lifetime in seconds, at most 86400 (24 h). @defaultValue 600 */
  ttlSeconds?: number;
  /**
   * Bind the token to a page origin (e.g. `https://shop.example`): browsers must then send it
   * from a page of that origin. Only browsers are held to it: other clients can forge `Origin`.
   */
  origin?: string;
  /**
   * Who the token is for: your user id. The proxy's limits and `Idempotency-Key` namespace count
   * per subject when one is set, else per client address. Use a stable account id, never a value
   * the caller can renew at will (a fresh cookie), or each renewal is a fresh limit.
   */
  subject?: string;
}

/** A minted token, in the shape `createClient({ tokenUrl })` expects from a token endpoint. */
export interface MintedToken {
  /** The compact JWT (HS256). Treat it as a password: never log it. */
  token: string;
  /** ISO 8601 time the token expires. */
  expires_at: string;
}

/** A token that passed {@link verifyToken}. */
export interface VerifiedToken {
  scope: TokenScope[];
  /** Video ids the token is limited to, or `null` for every video of the account. */
  videoIds: string[] | null;
  /** Origin the token is bound to, or `null`. */
  origin: string | null;
  /** `sub` claim, or `null`. */
  subject: string | null;
  /** `jti` claim: a random id of this token. */
  id: string;
  /** Expiry in ms since epoch. */
  expiresAt: number;
}

/** Why a token was refused. */
export type TokenErrorCode =
  | 'token_malformed'
  | 'token_expired'
  | 'token_bad_signature'
  | 'token_bad_algorithm'
  | 'token_invalid_claims';

/** Thrown by {@link verifyToken}; its message says why and never contains the token. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  /** Stable reason to switch on. */
  readonly code: TokenErrorCode;
  constructor(code: TokenErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Options of {@link verifyToken}. */
export interface VerifyTokenOptions {
  /** Clock skew tolerated on `exp` and `iat`, in seconds. @defaultValue 30 */
  clockToleranceSeconds?: number;
}

const encoder = new TextEncoder();

/** The secret as HMAC key bytes; throws a `TypeError` for a short or empty secret. */
export function secretKey(secret: TokenSecret): Uint8Array {
  const bytes = typeof secret === 'string' ? encoder.encode(secret) : secret;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < MIN_SECRET_BYTES) {
    throw new TypeError(
      `The token secret must be at least ${MIN_SECRET_BYTES} bytes. Generate one with: node -e "console.log(crypto.randomBytes(32).toString('base64url'))"`,
    );
  }
  return bytes;
}

/** `https://a.example/` → `https://a.example`; `null` for anything that is not an http(s) origin. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

function isScope(value: unknown): value is TokenScope {
  return typeof value === 'string' && (TOKEN_SCOPES as readonly string[]).includes(value);
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Mints a short-lived token for a browser. Call it on your server only, after your own
 * session check; `createTokenEndpoint` wraps it as a route.
 *
 * Claims: `scope` (array of scopes), `vid` (video ids, optional), `origin` (optional),
 * `sub` (optional), `aud` = `contentstats-proxy`, `iat`, `exp`, `jti`.
 *
 * @throws TypeError for an unknown scope, a bad video id or origin, or a secret under 32 bytes.
 * @throws RangeError for a lifetime that is not positive or is above 24 hours.
 * @example
 * const { token, expires_at } = await mintToken({ scope: ['read'], videoIds: ['cm5abc123'] }, process.env.TOKEN_SECRET!);
 */
export async function mintToken(options: MintTokenOptions, secret: TokenSecret): Promise<MintedToken> {
  const key = secretKey(secret);
  const scopes = typeof options.scope === 'string' ? [options.scope] : [...options.scope];
  if (scopes.length === 0) throw new TypeError('mintToken: give at least one scope.');
  for (const scope of scopes) {
    if (!isScope(scope)) {
      throw new TypeError(`mintToken: unknown scope "${String(scope)}"; use ${TOKEN_SCOPES.join(', ')}.`);
    }
  }
  const ttl = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) {
    throw new RangeError('mintToken: ttlSeconds must be a positive number of seconds.');
  }
  if (ttl > MAX_TOKEN_TTL_SECONDS) {
    throw new RangeError(
      `mintToken: ttlSeconds ${ttl} is above the ${MAX_TOKEN_TTL_SECONDS} s (24 h) maximum; browser tokens must be short-lived.`,
    );
  }
  const claims: Record<string, unknown> = { scope: [...new Set(scopes)] };
  if (options.videoIds !== undefined) {
    if (options.videoIds.length === 0 || options.videoIds.length > MAX_VIDEO_IDS) {
      throw new TypeError(
        `mintToken: videoIds must list 1 to ${MAX_VIDEO_IDS} ids (omit it for every video).`,
      );
    }
    for (const id of options.videoIds) {
      if (typeof id !== 'string' || !VIDEO_ID_PATTERN.test(id)) {
        throw new TypeError(`mintToken: "${String(id).slice(0, 80)}" is not a valid video id.`);
      }
    }
    claims.vid = [...new Set(options.videoIds)];
  }
  if (options.origin !== undefined) {
    const origin = normaliseOrigin(options.origin);
    if (origin === null)
      throw new TypeError('mintToken: origin must be an http(s) origin such as https://shop.example.');
    claims.origin = origin;
  }
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + Math.ceil(ttl);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomId());
  if (options.subject !== undefined) jwt.setSubject(options.subject);
  const token = await jwt.sign(key);
  return { token, expires_at: new Date(exp * 1000).toISOString() };
}

function invalidClaims(message: string): TokenError {
  return new TokenError('token_invalid_claims', message);
}

/**
 * Checks a token minted by {@link mintToken}: HS256 only (no `none`, no algorithm switching),
 * signature, audience, expiry with a small clock skew, a lifetime of at most 24 hours, and the
 * shape of `scope`, `vid` and `origin`.
 *
 * @throws TokenError saying why the token is refused (the message never contains the token).
 */
export async function verifyToken(
  token: string,
  secret: TokenSecret,
  options: VerifyTokenOptions = {},
): Promise<VerifiedToken> {
  return verifyTokenWithKey(token, secretKey(secret), options.clockToleranceSeconds ?? 30);
}

/**
 * The HMAC key of a secret's bytes, imported once for {@link verifyTokenWithKey}: importing it
 * again for every token was a third of the cost of a verification.
 *
 * @internal used by the proxy, which verifies with one secret for its whole life.
 */
export function importVerifyKey(bytes: Uint8Array): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    'raw',
    bytes as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
}

/**
 * {@link verifyToken} with the key as bytes (from {@link secretKey}) or as an HMAC `CryptoKey`
 * (from {@link importVerifyKey}), and the clock tolerance in seconds.
 *
 * @internal used by the proxy; call {@link verifyToken} instead.
 * @throws TokenError saying why the token is refused.
 */
export async function verifyTokenWithKey(
  token: string,
  key: Uint8Array | CryptoKey,
  tolerance: number,
): Promise<VerifiedToken> {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw new TokenError('token_malformed', 'The access token is malformed.');
  }
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      audience: TOKEN_AUDIENCE,
      clockTolerance: tolerance,
      requiredClaims: ['exp', 'iat', 'jti'],
      typ: 'JWT',
    }));
  } catch (error) {
    throw mapJoseError(error);
  }
  const { exp, iat, jti, sub } = payload as { exp: number; iat: number; jti: unknown; sub?: unknown };
  if (iat > Date.now() / 1000 + tolerance) throw invalidClaims('The access token was issued in the future.');
  if (exp - iat > MAX_TOKEN_TTL_SECONDS) throw invalidClaims('The access token lives longer than 24 hours.');
  const rawScope = payload.scope;
  if (!Array.isArray(rawScope) || rawScope.length === 0 || !rawScope.every(isScope)) {
    throw invalidClaims('The access token has no valid scope.');
  }
  let videoIds: string[] | null = null;
  if (payload.vid !== undefined) {
    const vid = payload.vid;
    if (
      !Array.isArray(vid) ||
      vid.length === 0 ||
      !vid.every((id): id is string => typeof id === 'string' && VIDEO_ID_PATTERN.test(id))
    ) {
      throw invalidClaims('The access token has an invalid video list.');
    }
    videoIds = vid;
  }
  let origin: string | null = null;
  if (payload.origin !== undefined) {
    origin = typeof payload.origin === 'string' ? normaliseOrigin(payload.origin) : null;
    if (origin === null) throw invalidClaims('The access token has an invalid origin.');
  }
  if (typeof jti !== 'string' || jti.length === 0) throw invalidClaims('The access token has no id.');
  return {
    scope: rawScope,
    videoIds,
    origin,
    subject: typeof sub === 'string' ? sub : null,
    id: jti,
    expiresAt: exp * 1000,
  };
}

function mapJoseError(error: unknown): TokenError {
  const code = error instanceof errors.JOSEError ? error.code : undefined;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new TokenError(
        'token_expired',
        'The access token has expired. Fetch a new one from the token endpoint.',
      );
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new TokenError('token_bad_signature', 'The access token signature is invalid.');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new TokenError('token_bad_algorithm', 'The access token must be signed with HS256.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return invalidClaims('The access token was not issued for this proxy, or is not valid yet.');
    default:
      return new TokenError('token_malformed', 'The access token is malformed.');
  }
}
