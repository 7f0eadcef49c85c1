// proxy handlers
export { createProxy } from './createProxy.js';
export { expressProxy, expressTokenEndpoint } from './expressProxy.js';
export { nodeProxy } from './nodeProxy.js';

// tokens
export { createTokenEndpoint } from './tokenEndpoint.js';
export { mintToken, TokenError, verifyToken } from './tokens.js';

// store (the cache, the limit counters and the stop markers; Redis: contentstats-kit/proxy/redis)
export { createMemoryStore } from './cache.js';

// types
export type {
  CacheOptions,
  CounterState,
  MarkerGuard,
  MaybePromise,
  MemoryStoreOptions,
  ProxyStore,
} from './cache.js';
export type { CorsOptions } from './cors.js';
export type { ProxyHandler } from './createProxy.js';
export type { ExpressMiddleware, ExpressProxyOptions } from './expressProxy.js';
export type { NodeProxyHandler } from './nodeProxy.js';
export type {
  AuthorizeContext,
  LimitOptions,
  ProxyErrorContext,
  ProxyLogEntry,
  ProxyOptions,
} from './options.js';
export type { LimitRule } from './rateLimiter.js';
export type { ProxyOperation, ProxyRouteName } from './routes.js';
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
