import { type CacheOptions, createMemoryStore, type ProxyStore } from '../cache.js';
import { type CorsPolicy, createCorsPolicy } from '../cors.js';
import type { LimitOptions, ProxyOptions } from '../options.js';
import { createRateLimiter, type RateLimiter } from '../rateLimiter.js';
import type { ProxyOperation } from '../routes.js';
import { secretKey } from '../tokens.js';
import { markerSupport } from './generations.js';
import { guardStore } from './guardStore.js';
import type { UpstreamConfig } from './upstream.js';
import { createVerifiedTokens, type VerifyBearer } from './verifiedTokens.js';

/** Options checked and defaulted once, when the proxy is created. */
export interface ProxyConfig {
  options: ProxyOptions;
  upstream: UpstreamConfig;
  basePath: string;
  tokenKey: Uint8Array | null;
  /** Verifies bearer tokens with `tokenKey`, remembering those that passed until they expire; `null` without a secret. */
  verifyBearer: VerifyBearer | null;
  operations: Record<ProxyOperation, boolean>;
  maxBodyBytes: number;
  cache: CacheOptions | null;
  store: ProxyStore;
  trackLimiter: RateLimiter | null;
  requestLimiter: RateLimiter | null;
  cors: CorsPolicy;
  clockToleranceSeconds: number;
}

/** Default of `operations`: reading and tracking are open; stopping and the account's usage must be opened on purpose. */
export const DEFAULT_OPERATIONS: Record<ProxyOperation, boolean> = {
  read: true,
  track: true,
  stop: false,
  usage: false,
};

/** Default `limits.track`: 10 tracks a minute per subject or client address. */
export const DEFAULT_TRACK_LIMIT = { max: 10, windowSeconds: 60 };

/** Default `limits.requests`: 120 forwarded requests a minute per subject or client address (2 a second). */
export const DEFAULT_REQUEST_LIMIT = { max: 120, windowSeconds: 60 };

/** `basePath` without a trailing slash (`''` for the root); throws a `TypeError` for one that is not a path. */
export function normaliseBasePath(basePath: string | undefined): string {
  if (basePath === undefined || basePath === '' || basePath === '/') return '';
  if (!basePath.startsWith('/') || basePath.includes('?') || basePath.includes('#')) {
    throw new TypeError(`createProxy: basePath must be a path such as /api/contentstats, not "${basePath}".`);
  }
  return basePath.replace(/\/+$/, '');
}

function normaliseUpstream(upstream: string | undefined): string {
  const raw = upstream ?? 'https://contentstats.io';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`createProxy: upstream "${raw}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('createProxy: upstream must be an http(s) URL.');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new TypeError('createProxy: upstream must not carry a query, fragment or credentials.');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function limiters(store: ProxyStore, limits: LimitOptions | undefined) {
  const track = limits?.track === undefined ? DEFAULT_TRACK_LIMIT : limits.track;
  const requests = limits?.requests === undefined ? DEFAULT_REQUEST_LIMIT : limits.requests;
  return {
    trackLimiter: track === false ? null : createRateLimiter(store, 'track', track),
    requestLimiter: requests === false ? null : createRateLimiter(store, 'requests', requests),
  };
}

/** Checks the options; throws a `TypeError` naming the problem. */
export function resolveConfig(options: ProxyOptions): ProxyConfig {
  if (typeof options?.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new TypeError('createProxy: apiKey is required (read it from CONTENTSTATS_API_KEY on the server).');
  }
  if (options.store !== undefined && markerSupport(options.store) === 'some') {
    throw new TypeError(
      'createProxy: a store implements readMarker, changeMarker and setIfMarker, or none of them.',
    );
  }
  // a failing store becomes 503 store_unavailable (limits included: nothing passes unlimited)
  const store = guardStore(options.store ?? createMemoryStore());
  const maxBodyBytes = options.maxBodyBytes ?? 8192;
  const tokenKey = options.tokenSecret === undefined ? null : secretKey(options.tokenSecret);
  const clockToleranceSeconds = options.clockToleranceSeconds ?? 30;
  if (!(maxBodyBytes > 0)) throw new TypeError('createProxy: maxBodyBytes must be positive.');
  return {
    options,
    upstream: {
      baseUrl: normaliseUpstream(options.upstream),
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? 10_000,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    },
    basePath: normaliseBasePath(options.basePath),
    tokenKey,
    verifyBearer: tokenKey === null ? null : createVerifiedTokens(tokenKey, clockToleranceSeconds),
    operations: { ...DEFAULT_OPERATIONS, ...options.operations },
    maxBodyBytes,
    cache: options.cache === false ? null : (options.cache ?? {}),
    store,
    ...limiters(store, options.limits),
    cors: createCorsPolicy(options),
    clockToleranceSeconds,
  };
}
