import { jwtClaims } from '../shared/jwtClaims.js';
import { ContentStatsError } from './errors.js';

/** Where the client gets a bearer token from. */
export interface TokenSource {
  /** A token valid for at least the refresh margin; fetches one when needed (never two fetches at once). */
  get(): Promise<string>;
  /** Forget `token` (after a 401) so the next `get` fetches a fresh one. */
  invalidate(token: string): void;
}

/** Options of {@link createTokenSource}. */
export interface TokenSourceOptions {
  /** URL of the host app's token endpoint (same origin, behind its own session auth). */
  tokenUrl: string;
  fetch?: typeof fetch;
  /** Refresh this long before expiry (at most half the token's lifetime). @defaultValue 30000 */
  refreshMarginMs?: number;
  /** Extra `RequestInit` for the token request, e.g. `{ credentials: 'include' }`. */
  init?: RequestInit;
  /** Clock in ms. @defaultValue Date.now */
  now?: () => number;
}

interface CachedToken {
  token: string;
  expiresAt: number;
  fetchedAt: number;
}

/** `exp` of a JWT in ms, without verifying it (the server verifies; the client only plans refreshes). */
export function jwtExpiry(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

function parseExpiry(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw > 1e12 ? raw : raw * 1000;
  if (typeof raw === 'string') {
    const t = Date.parse(raw);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

function networkError(cause: unknown): ContentStatsError {
  return new ContentStatsError({
    code: 'network',
    message: 'Could not reach the token endpoint. Check your connection.',
    cause,
  });
}

/** A refused token request: 401 means "sign in again"; a failing endpoint is a retryable server error. */
function refusedError(status: number): ContentStatsError {
  if (status >= 500) {
    return new ContentStatsError({
      code: 'server',
      status,
      message: `The token endpoint failed (${status}). Try again in a moment.`,
    });
  }
  if (status === 429) {
    return new ContentStatsError({
      code: 'rate_limited',
      status,
      message: 'The token endpoint is rate limited (429). Wait a moment before trying again.',
    });
  }
  return new ContentStatsError({
    code: status === 403 ? 'forbidden' : 'unauthorized',
    status: status === 403 ? 403 : 401,
    message: `The token endpoint refused to issue a token (${status}). Sign in again, or check the server's token route.`,
  });
}

/**
 * Fetches short-lived tokens from `tokenUrl` and caches them. The endpoint answers
 * `{ token, expires_at }` (`expires_at` as ISO time or Unix seconds; `expires_in` seconds
 * and a JWT's own `exp` are understood too). Concurrent callers share one fetch.
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const marginMs = options.refreshMarginMs ?? 30_000;
  // looked up on each call, so a clock faked after creation (tests) is seen
  const now = options.now ?? (() => Date.now());
  let cached: CachedToken | null = null;
  let inFlight: Promise<CachedToken> | null = null;

  async function fetchToken(): Promise<CachedToken> {
    // Headers, arrays and records are all valid `init.headers`; spreading only works for records
    const headers = new Headers(options.init?.headers);
    if (!headers.has('accept')) headers.set('Accept', 'application/json');
    let response: Response;
    try {
      response = await doFetch(options.tokenUrl, {
        method: 'POST',
        credentials: 'same-origin',
        ...options.init,
        headers,
      });
    } catch (cause) {
      throw networkError(cause);
    }
    if (!response.ok) throw refusedError(response.status);
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new ContentStatsError({
        code: 'invalid_response',
        status: response.status,
        message: 'The token endpoint did not answer with JSON.',
        cause,
      });
    }
    const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const token =
      typeof o.token === 'string' ? o.token : typeof o.access_token === 'string' ? o.access_token : undefined;
    if (!token) {
      throw new ContentStatsError({
        code: 'invalid_response',
        status: response.status,
        message: 'The token endpoint answered without a token.',
      });
    }
    const t = now();
    const expiresAt =
      parseExpiry(o.expires_at) ??
      (typeof o.expires_in === 'number' ? t + o.expires_in * 1000 : undefined) ??
      jwtExpiry(token) ??
      t + 60_000;
    return { token, expiresAt, fetchedAt: t };
  }

  // a token living less than twice the margin is refreshed at half its life, not on every call
  function fresh(c: CachedToken): boolean {
    const margin = Math.min(marginMs, (c.expiresAt - c.fetchedAt) / 2);
    return c.expiresAt - margin > now();
  }

  return {
    get() {
      if (cached && fresh(cached)) return Promise.resolve(cached.token);
      if (!inFlight) {
        inFlight = fetchToken().then(
          (next) => {
            cached = next;
            inFlight = null;
            return next;
          },
          (error: unknown) => {
            inFlight = null;
            throw error;
          },
        );
      }
      return inFlight.then((c) => c.token);
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}
