import type { CacheOptions, ProxyStore } from '../../cache.js';
import { apiDateNow, type CacheEntry, parseStoredEntry, remainingSeconds } from '../cacheEntry.js';
import type { Stage } from '../compose.js';
import { etagOf } from '../etag.js';
import { apiDate, videoFreshness } from '../freshness.js';
import type { Generations } from '../generations.js';
import { ProxyResponse } from '../proxyResponse.js';
import { BASE_HEADERS } from '../respond.js';
import type { StoreKeys } from '../storeKeys.js';

/** Default `cache.notFoundTtlSeconds`. */
const NOT_FOUND_TTL_SECONDS = 30;

/** Where a video's cache lives and what it is set to; `cache: null` keeps nothing (freshness is still told). */
export interface VideoCacheDeps {
  cache: CacheOptions | null;
  store: ProxyStore;
  keys: StoreKeys;
  generations: Generations;
}

/**
 * The answer depends on who asks (a token limited to other videos, an expired one, another session):
 * without `Vary`, the browser's own cache would answer a request carrying other credentials, or
 * none, with data fetched under these.
 */
const VARY = 'Authorization, Cookie';

/**
 * Serves `GET /api/v1/videos/{id}` from the cache while it is fresh: the video with the
 * remaining `max-age`, the API's clock as `Date` and its `ETag`, or its cached 404.
 */
export function serveCachedVideo({ cache, store, keys }: VideoCacheDeps): Stage {
  return async (context, next) => {
    if (context.route.name !== 'getVideo' || cache === null) return next();
    const cached = parseStoredEntry(await store.get(await keys.video(context.route.videoId as string)));
    const now = Date.now();
    if (cached === null || cached.expiresAt <= now) return next();
    context.log.cache = 'hit';
    // set one by one: the spreads of records were a sixth of a hit's own time
    const response = new ProxyResponse(cached.body, { status: cached.status, headers: BASE_HEADERS });
    const { headers } = response;
    if (cached.status === 404) {
      headers.set('Cache-Control', 'no-store');
    } else {
      headers.set('ETag', cached.etag);
      headers.set('Cache-Control', `private, max-age=${remainingSeconds(cached, now)}`);
      headers.set('Vary', VARY);
      const date = apiDateNow(cached, now);
      if (date !== null) headers.set('Date', date);
    }
    headers.set('X-Cache', 'HIT');
    return response;
  };
}

/**
 * Keeps a fetched video for as long as it is fresh ({@link videoFreshness}: the API's
 * `max-age`, else until its next snapshot on the API's clock) and tells the browser the same
 * (`Cache-Control: private, max-age=N`, the API's `Date`); keeps a 404 briefly, so probing one
 * id again and again costs one API call. Nothing is kept, and the browser is told `no-store`,
 * when the video changed through the proxy while the call was in flight (its generation moved;
 * checked in one atomic step with the write, so also across instances sharing a store).
 */
export function cacheVideo({ cache, generations }: VideoCacheDeps): Stage {
  return async (context, next) => {
    if (context.route.name !== 'getVideo') return next();
    const videoId = context.route.videoId as string;
    const generation = cache === null ? null : await generations.read(videoId);
    const response = await next();
    context.log.cache = 'miss';
    const answer = context.answer;
    if (answer === null || (response.status !== 200 && response.status !== 404)) return response;
    const status = response.status as 200 | 404;
    const ttl =
      status === 200
        ? videoFreshness(answer, cache ?? {})
        : (cache?.notFoundTtlSeconds ?? NOT_FOUND_TTL_SECONDS);
    const received = Date.now();
    const api = apiDate(answer);
    const entry: CacheEntry = {
      status,
      body: answer.body,
      etag: await etagOf(answer.body),
      expiresAt: received + ttl * 1000,
      ...(api === null ? {} : { date: { api, received } }),
    };
    const kept =
      generation !== null && ttl > 0
        ? await generations.keep(videoId, generation, JSON.stringify(entry), ttl * 1000)
        : null;
    // stopped while this call was in flight: the answer may be the old state, keep nothing
    if (kept === false) {
      response.headers.set('Cache-Control', 'no-store');
      return response;
    }
    if (status === 404) {
      if (kept) response.headers.set('X-Cache', 'MISS');
      return response;
    }
    response.headers.set('ETag', entry.etag);
    response.headers.set('Cache-Control', `private, max-age=${ttl}`);
    response.headers.append('Vary', VARY);
    response.headers.set('X-Cache', 'MISS');
    return response;
  };
}
