import { ContentStatsError } from './errors';

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
  /** Refresh this long before expiry. @defaultValue 30000 */
  refreshMarginMs?: number;
  /** Extra `RequestInit` for the token request, e.g. `{ credentials: 'include' }`. */
  init?: RequestInit;
  /** Clock in ms. @defaultValue Date.now */
  now?: () => number;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  return atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

/** `exp` of a JWT in ms, without verifying it (the server verifies; the client only plans refreshes). */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(payload));
    const exp = (claims as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function parseExpiry(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw > 1e12 ? raw : raw * 1000;
  if (typeof raw === 'string') {
    const t = Date.parse(raw);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

function tokenError(message: string, status = 0, cause?: unknown): ContentStatsError {
  return new ContentStatsError({ code: status === 0 ? 'network' : 'unauthorized', status, message, cause });
}

/**
 * Fetches short-lived tokens from `tokenUrl` and caches them. The endpoint answers
 * `{ token, expires_at }` (`expires_at` as ISO time or Unix seconds; `expires_in` seconds
 * and a JWT's own `exp` are understood too). Concurrent callers share one fetch.
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const margin = options.refreshMarginMs ?? 30_000;
  const now = options.now ?? Date.now;
  let cached: CachedToken | null = null;
  let inFlight: Promise<CachedToken> | null = null;

  async function fetchToken(): Promise<CachedToken> {
    let response: Response;
    try {
      response = await doFetch(options.tokenUrl, {
        method: 'POST',
        credentials: 'same-origin',
        ...options.init,
        headers: {
          Accept: 'application/json',
          ...(options.init?.headers as Record<string, string> | undefined),
        },
      });
    } catch (cause) {
      throw tokenError('Could not reach the token endpoint. Check your connection.', 0, cause);
    }
    if (!response.ok) {
      throw tokenError(
        `The token endpoint refused to issue a token (${response.status}). Sign in again, or check the server's token route.`,
        response.status === 403 ? 403 : 401,
      );
    }
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
    return { token, expiresAt };
  }

  return {
    get() {
      if (cached && cached.expiresAt - margin > now()) return Promise.resolve(cached.token);
      if (!inFlight) {
        inFlight = fetchToken().then(
          (fresh) => {
            cached = fresh;
            inFlight = null;
            return fresh;
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
