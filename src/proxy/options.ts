import type { CacheOptions, ProxyStore } from './cache.js';
import type { CorsOptions } from './cors.js';
import type { LimitRule } from './rateLimiter.js';
import type { ProxyOperation, ProxyRouteName } from './routes.js';
import type { TokenSecret } from './tokens.js';

/** What the `authorize` hook is told about a request without a token. */
export interface AuthorizeContext {
  operation: ProxyOperation;
  route: ProxyRouteName;
  /** The video id in the path, when there is one (already validated). */
  videoId: string | undefined;
}

/**
 * Per-client limits the proxy enforces before the API's own. Both count per token subject
 * (`mintToken({ subject })`, your user id) or, for a token without one and on the same-origin
 * path, per client address (`req.ip` in Express, `clientKey` in the Web handler). They never
 * count per token: anyone who may fetch tokens could reset them with a token per request. When the
 * address is unknown (Web handler without `clientKey`), all such callers share one bucket.
 */
export interface LimitOptions {
  /** `POST /api/v1/videos/track`. `false` turns it off. @defaultValue { max: 10, windowSeconds: 60 } */
  track?: LimitRule | false;
  /**
   * Every request that reaches the cache or the API (refusals do not count). `false` turns it off.
   * @defaultValue { max: 120, windowSeconds: 60 }
   */
  requests?: LimitRule | false;
}

/** One line of the proxy's structured log; `JSON.stringify` it. Never contains the API key or a token. */
export interface ProxyLogEntry {
  /** ISO 8601 time the answer was sent. */
  time: string;
  method: string;
  /** The matched route pattern (`GET /api/v1/videos/:id`), never the raw path; `null` when none matched. */
  route: string | null;
  status: number;
  /** Milliseconds from request to answer. */
  latency_ms: number;
  /**
   * `hit`: served from the cache; `miss`: fetched and cached; `coalesced`: shared another
   * request's upstream call; `bypass`: not cacheable or refused before the cache.
   */
  cache: 'hit' | 'miss' | 'coalesced' | 'bypass';
  /** How the caller was let in: `token`, `session` (same-origin path), or `none` when refused before. */
  auth: 'token' | 'session' | 'none';
  /** The upstream status, when this request made or shared an upstream call. */
  upstream_status?: number;
  /** Stable code of a refusal or failure the proxy answered itself. */
  code?: string;
  /**
   * What went wrong, when the proxy failed unexpectedly (500 `proxy_error`) or the API failed it
   * (`upstream_unreachable`, `upstream_timeout`, `upstream_unauthorized`, …): the error as
   * `Name: message`, following its `cause` chain (`TypeError: fetch failed ← Error: connect
   * ECONNREFUSED 127.0.0.1:4010`). The API key, the token secret and the caller's credentials are
   * redacted.
   */
  cause?: string;
}

/** What the `onError` hook is told besides the error. */
export interface ProxyErrorContext {
  /** The code the caller got: `proxy_error` for a thrown error, `upstream_*` when the API failed. */
  code: string;
  /** The status the caller got (500, 502 or 504). */
  status: number;
  method: string;
  /** The matched route pattern, or `null` when the failure came before one matched. */
  route: string | null;
  /** The error as one redacted line, as in the log's `cause`. */
  cause: string;
}

/** Options of `createProxy` and `expressProxy`. */
export interface ProxyOptions extends CorsOptions {
  /** The ContentStats API key. Stays on the server: it is added to upstream calls only. */
  apiKey: string;
  /** API base URL (`CONTENTSTATS_API_URL`), e.g. the local API's URL. @defaultValue 'https://contentstats.io' */
  upstream?: string;
  /** Where the Web handler is mounted (`/api/contentstats`); stripped before matching. `expressProxy` uses Express's mount path instead. @defaultValue '' */
  basePath?: string;
  /**
   * Secret that verifies scoped tokens (the one your token endpoint signs with, at least 32 bytes).
   * Without it, bearer tokens are refused; with it and no `authorize`, every request needs a token.
   */
  tokenSecret?: TokenSecret;
  /**
   * Which operations the proxy forwards at all; a token's scope narrows it further.
   * @defaultValue { read: true, track: true, stop: false, usage: false }
   */
  operations?: Partial<Record<ProxyOperation, boolean>>;
  /**
   * Your session check for requests without a token (the same-origin path): `true` lets the
   * request through, `false` answers 401. Without it and without `tokenSecret`, requests without
   * a token pass (protect the mount with your own middleware then). Either way such requests
   * first pass a CSRF gate: the page is this host or listed by name in `allowedOrigins` (never
   * `'*'`); a POST carries `Origin` or `Sec-Fetch-Site: same-origin`; stop carries
   * `Content-Type: application/json` or an `X-Requested-With` header.
   */
  authorize?: (request: Request, context: AuthorizeContext) => boolean | Promise<boolean>;
  /** Largest request body, in bytes (only track has one). @defaultValue 8192 */
  maxBodyBytes?: number;
  /** Time limit of an upstream call in ms; past it the proxy answers 504. @defaultValue 10000 */
  timeoutMs?: number;
  /** Cache of `GET /api/v1/videos/{id}`, or `false` for none (ETags and coalescing stay). @defaultValue {} */
  cache?: CacheOptions | false;
  /** Per-client limits. */
  limits?: LimitOptions;
  /** Where the cache and the limit counters live. @defaultValue createMemoryStore() */
  store?: ProxyStore;
  /**
   * The client address that limits count against when there is no token subject (see
   * {@link LimitOptions}) and that namespaces `Idempotency-Key`s. `expressProxy` uses `req.ip`
   * (mind Express's `trust proxy`); the Web handler knows none, so without this all such callers
   * share one bucket (give it from a header your platform sets and clients cannot forge).
   */
  clientKey?: (request: Request) => string | undefined;
  /** Clock skew tolerated on token expiry, in seconds. @defaultValue 30 */
  clockToleranceSeconds?: number;
  /** Receives one {@link ProxyLogEntry} per request. */
  onLog?: (entry: ProxyLogEntry) => void;
  /**
   * Sees every failure the proxy did not expect, with its cause: an error thrown on the way (an
   * `authorize` hook failing; the caller gets 500 `proxy_error`), a store failing (the caller
   * gets 503 `store_unavailable`; the store's error is the `cause`) and every failed API call
   * (unreachable, too slow, refused key, unusable answer; the caller gets the 5xx `upstream_*`).
   * Report it to your error tracker (a timeout's `error.cause` is the abort). It must not throw
   * (what it throws is ignored). Refusals (4xx) and the API's own error answers do not come here.
   */
  onError?: (error: Error, context: ProxyErrorContext) => void;
  /** `fetch` used to call the API (tests, custom agents). @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
}
