import { ProxyResponse } from './internal/proxyResponse.js';
import { refusalAnswer } from './internal/respond.js';
import { normaliseOrigin } from './tokens.js';

/** CORS settings of the proxy. */
export interface CorsOptions {
  /**
   * Page origins allowed to call the proxy from another origin (`https://shop.example`), or `'*'`
   * for any origin without credentials. Same-origin pages need nothing here. Requests without a
   * token (the cookie/session path) are let in only from the proxy's own host or an origin listed
   * here by name: `'*'` opens CORS for token callers, never the session path. @defaultValue []
   */
  allowedOrigins?: readonly string[] | '*';
  /** Send `Access-Control-Allow-Credentials: true` (cookies to a cross-origin proxy). Never with `'*'`. @defaultValue false */
  credentials?: boolean;
  /** How long browsers may cache a preflight, in seconds. @defaultValue 600 */
  maxAgeSeconds?: number;
}

/** CORS settings checked once, at construction. */
export interface CorsPolicy {
  /** `true` when `origin` may call the proxy cross-origin. */
  allows(origin: string | null): boolean;
  /** `true` when `origin` is listed by name in `allowedOrigins` (a wildcard lists none). */
  lists(origin: string | null): boolean;
  /** Headers to add to a response for a request from `origin` (empty when it is not allowed). */
  headers(origin: string | null): Record<string, string>;
  /** Answer to a preflight (`OPTIONS`) from `origin`. */
  preflight(origin: string | null, requestedMethod: string | null): ProxyResponse;
  /** Whether any CORS is configured (then responses vary by `Origin`). */
  readonly enabled: boolean;
}

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const ALLOW_HEADERS = 'Authorization, Content-Type, Accept, Idempotency-Key, If-None-Match, X-Requested-With';
// Date is not CORS-safelisted (Cache-Control is): a cross-origin client needs it to correct a snapshot time by the API's clock
const EXPOSE_HEADERS =
  'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, ETag, X-Cache, Idempotent-Replayed, Date';

/**
 * Builds the CORS policy. Only listed origins get CORS headers, the origin is echoed (never a
 * wildcard when credentials are on).
 *
 * @throws TypeError for an origin that is not `http(s)://host[:port]`, or `'*'` with credentials.
 */
export function createCorsPolicy(options: CorsOptions = {}): CorsPolicy {
  const credentials = options.credentials ?? false;
  const list = options.allowedOrigins ?? [];
  const wildcard = list === '*' || (Array.isArray(list) && list.includes('*'));
  if (wildcard && credentials) {
    throw new TypeError(
      'CORS: allowedOrigins "*" cannot be combined with credentials; list the origins instead.',
    );
  }
  const origins = new Set<string>();
  if (!wildcard) {
    for (const raw of list as readonly string[]) {
      const origin = normaliseOrigin(raw);
      if (origin === null)
        throw new TypeError(`CORS: "${raw}" is not an origin such as https://shop.example.`);
      origins.add(origin);
    }
  }
  const maxAge = String(options.maxAgeSeconds ?? 600);
  const enabled = wildcard || origins.size > 0;

  function lists(origin: string | null): boolean {
    if (origin === null || origin === 'null') return false;
    return origins.has(normaliseOrigin(origin) ?? '');
  }

  function allows(origin: string | null): boolean {
    if (origin === null || origin === 'null') return false;
    return wildcard || origins.has(origin);
  }

  function headers(origin: string | null): Record<string, string> {
    if (!enabled) return {};
    const out: Record<string, string> = { Vary: 'Origin' };
    if (!allows(origin)) return out;
    out['Access-Control-Allow-Origin'] = wildcard ? '*' : (origin as string);
    out['Access-Control-Expose-Headers'] = EXPOSE_HEADERS;
    if (credentials) out['Access-Control-Allow-Credentials'] = 'true';
    return out;
  }

  return {
    enabled,
    allows,
    lists,
    headers,
    preflight(origin, requestedMethod) {
      const base = { ...headers(origin), 'Cache-Control': 'no-store' };
      if (!allows(origin)) {
        const message = 'This origin may not call the proxy. Add it to allowedOrigins.';
        return refusalAnswer({ status: 403, code: 'origin_not_allowed', message }, base);
      }
      if (requestedMethod !== null && requestedMethod !== 'GET' && requestedMethod !== 'POST') {
        const message = `${requestedMethod} is not allowed; use GET or POST.`;
        return refusalAnswer(
          { status: 405, code: 'method_not_allowed', message },
          { ...base, Allow: ALLOW_METHODS },
        );
      }
      return new ProxyResponse(null, {
        status: 204,
        headers: {
          ...base,
          'Access-Control-Allow-Methods': ALLOW_METHODS,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': maxAge,
          Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        },
      });
    },
  };
}
