// proxy handlers
export { createProxy } from './createProxy.js';
export { expressProxy, expressTokenEndpoint } from './expressProxy.js';

// tokens
export { createTokenEndpoint } from './tokenEndpoint.js';
export {
  DEFAULT_TOKEN_TTL_SECONDS,
  MAX_TOKEN_TTL_SECONDS,
  MIN_SECRET_BYTES,
  mintToken,
  TOKEN_AUDIENCE,
  TOKEN_SCOPES,
  TokenError,
  verifyToken,
} from './tokens.js';

// routes, cache, limits, CORS
export { createMemoryStore, videoCacheTtlSeconds } from './cache.js';
export { createCorsPolicy } from './cors.js';
export { createRateLimiter } from './rateLimiter.js';
export { filterQuery, matchRoute } from './routes.js';

// types
export type { CacheOptions, CounterState, MaybePromise, MemoryStoreOptions, ProxyStore } from './cache.js';
export type { CorsOptions, CorsPolicy } from './cors.js';
export type { ProxyHandler } from './createProxy.js';
export type { ExpressMiddleware, ExpressProxyOptions } from './expressProxy.js';
export type { AuthorizeContext, LimitOptions, ProxyLogEntry, ProxyOptions } from './options.js';
export type { LimitDecision, LimitRule, RateLimiter } from './rateLimiter.js';
export type {
  ProxyOperation,
  ProxyRoute,
  ProxyRouteName,
  QueryResult,
  RouteMatch,
  RouteRefusal,
} from './routes.js';
export type { TokenClaimsContext, TokenEndpointOptions } from './tokenEndpoint.js';
export type {
  MintedToken,
  MintTokenOptions,
  TokenErrorCode,
  TokenScope,
  TokenSecret,
  VerifiedToken,
  VerifyTokenOptions,
} from './tokens.js';
