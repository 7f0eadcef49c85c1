import type { RequestHead } from '../../http/nodeRequest.js';
import type { ProxyOptions } from '../options.js';
import { compose } from './compose.js';
import { resolveConfig } from './config.js';
import { type HandlerHints, ProxyContext } from './context.js';
import { createGenerations } from './generations.js';
import type { ProxyResponse } from './proxyResponse.js';
import { allowQuery } from './stages/allowQuery.js';
import { authenticateCaller } from './stages/authenticateCaller.js';
import { catchErrors } from './stages/catchErrors.js';
import { coalesceReads } from './stages/coalesceReads.js';
import { conditionalGet } from './stages/conditionalGet.js';
import { cors } from './stages/cors.js';
import { filterList } from './stages/filterList.js';
import { forward } from './stages/forward.js';
import { invalidateVideos } from './stages/invalidateVideos.js';
import { limitRequests } from './stages/limitRequests.js';
import { logLine } from './stages/logLine.js';
import { matchPath } from './stages/matchPath.js';
import { namespaceIdempotencyKey } from './stages/namespaceIdempotencyKey.js';
import { openOperations } from './stages/openOperations.js';
import { readTrackBody } from './stages/readTrackBody.js';
import { cacheVideo, serveCachedVideo } from './stages/videoCache.js';
import { createStoreKeys } from './storeKeys.js';

export type { HandlerHints } from './context.js';

/** The proxy pipeline with adapter hints: a Web `Request`, or a request head and `hints.webRequest`. */
export type ProxyCore = (request: RequestHead, hints?: HandlerHints) => Promise<ProxyResponse>;

/** Builds the proxy: its options checked once, then each request through the stages below, in order. */
export function createProxyCore(options: ProxyOptions): ProxyCore {
  const config = resolveConfig(options);
  const keys = createStoreKeys(config.upstream);
  // a generation outlives any read in flight (its upstream call and read are bounded by timeoutMs)
  const generations = createGenerations(config.store, keys, config.upstream.timeoutMs + 60_000);
  const videos = { cache: config.cache, store: config.store, keys, generations };

  const pipeline = compose([
    logLine(options), // one line per request, whatever happens inside
    cors(config.cors), // preflights; CORS headers on every answer
    catchErrors(options), // a thrown error → 500 proxy_error, its cause logged and told to onError
    matchPath(config.basePath, config.operations), // documented endpoints only
    openOperations(config.operations),
    authenticateCaller(config), // token, or session gate + authorize
    allowQuery(),
    readTrackBody(config.maxBodyBytes),
    namespaceIdempotencyKey(),
    limitRequests(config.requestLimiter, config.trackLimiter, keys), // refusals above do not count
    conditionalGet(), // ETag and 304, of what this caller sees
    filterList(), // a token's videoIds
    serveCachedVideo(videos),
    coalesceReads(), // identical reads in flight share what follows
    cacheVideo(videos),
    invalidateVideos(videos), // stop and track make cached copies wrong
    forward(config.upstream, options),
  ]);

  return (request, hints = {}) => pipeline(new ProxyContext(request, hints));
}
