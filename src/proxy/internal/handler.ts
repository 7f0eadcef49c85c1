import { VIDEO_ID_PATTERN } from '../../client/createClient.js';
import { type BodyReader, webBodyReader } from '../../http/cappedBody.js';
import { videoCacheTtlSeconds } from '../cache.js';
import type { ProxyLogEntry, ProxyOptions } from '../options.js';
import { limitHeaders, type RateLimiter } from '../rateLimiter.js';
import { filterQuery, matchRoute, type ProxyRoute } from '../routes.js';
import { authenticate, type Principal } from './auth.js';
import { isJsonContentType, parseTrackBody } from './body.js';
import { createCoalescer } from './coalesce.js';
import { resolveConfig } from './config.js';
import { etagOf, matchesIfNoneMatch, sha256 } from './etag.js';
import { BASE_HEADERS, type Refusal, refusalResponse } from './respond.js';
import { callUpstream, type UpstreamAnswer, type UpstreamResult } from './upstream.js';

/** What an adapter knows better than the `Request` it built. */
export interface HandlerHints {
  /** Raw path and query below the mount point, exactly as received (`req.url` in Express). */
  path?: string;
  /** The client address (`req.ip`). */
  clientKey?: string;
  /** Reads the body with a limit (Node streams); the Web body is read otherwise. */
  readBody?: BodyReader;
}

/** The proxy pipeline with adapter hints. */
export type ProxyCore = (request: Request, hints?: HandlerHints) => Promise<Response>;

type LogState = Pick<ProxyLogEntry, 'route' | 'cache' | 'auth'> & { upstream_status?: number; code?: string };

/** A cached `GET /api/v1/videos/{id}` answer: the video, or its 404. */
interface CacheEntry {
  status: 200 | 404;
  body: string;
  etag: string;
  /** ms since epoch. */
  expiresAt: number;
}

// 255 (the API's limit) minus the 23 characters of the caller's namespace prefix
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,232}$/;
/** Default `cache.notFoundTtlSeconds`. */
const NOT_FOUND_TTL_SECONDS = 30;
const SIMPLE_KEY = /^[A-Za-z0-9_.:@-]{1,100}$/;

/** A refusal the proxy makes itself, its code noted for the log line. */
function fail(log: LogState, refusal: Refusal, extraHeaders: Record<string, string> = {}): Response {
  log.code = refusal.code;
  return refusalResponse(refusal, extraHeaders);
}

function parseEntry(raw: string | undefined): CacheEntry | null {
  if (raw === undefined) return null;
  try {
    const value = JSON.parse(raw) as Partial<CacheEntry>;
    // entries written before 404s were cached have no status: they are videos
    const status = value.status ?? 200;
    if (
      (status === 200 || status === 404) &&
      typeof value.body === 'string' &&
      typeof value.etag === 'string' &&
      typeof value.expiresAt === 'number'
    ) {
      return { status, body: value.body, etag: value.etag, expiresAt: value.expiresAt };
    }
  } catch {
    // a corrupt entry in a shared store is a miss
  }
  return null;
}

function freshness(entry: CacheEntry): string {
  return `private, max-age=${Math.max(0, Math.floor((entry.expiresAt - Date.now()) / 1000))}`;
}

/** A body-carrying answer, or a 304 when the browser already has this version. */
function conditional(
  request: Request,
  status: number,
  body: string,
  etag: string,
  headers: Record<string, string>,
): Response {
  if (status === 200 && matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, ...headers } });
  }
  return new Response(body, { status, headers: { ...BASE_HEADERS, ETag: etag, ...headers } });
}

function passOn(answer: UpstreamAnswer, extra: Record<string, string>): Response {
  return new Response(answer.body, {
    status: answer.status,
    headers: { ...BASE_HEADERS, ...answer.headers, ...extra },
  });
}

/**
 * The list answer for a video-limited caller, rebuilt as `{ videos }` holding only its videos.
 * Reads the shapes the client reads (`[…]`, `{ videos: […] }`, `{ data: […] }`) and keeps no
 * other field (a `total` would count the hidden videos). `null` for any other shape: refused,
 * never passed on whole.
 */
function filterList(json: unknown, videoIds: readonly string[]): { videos: unknown[] } | null {
  let items: unknown = json;
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const fields = json as { videos?: unknown; data?: unknown };
    items = fields.videos ?? fields.data;
  }
  if (!Array.isArray(items)) return null;
  const allowed = new Set(videoIds);
  const videos = items.filter((item: unknown) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' && allowed.has(id);
  });
  return { videos };
}

/** Builds the request pipeline: route → operation → auth → query → body → limits → cache/upstream. */
export function createProxyCore(options: ProxyOptions): ProxyCore {
  const config = resolveConfig(options);
  const coalescer = createCoalescer<{ result: UpstreamResult; entry: CacheEntry | null }>();
  // proxies of different accounts may share a store: keys carry a hash of upstream + key, never the key
  let namespace: Promise<string> | null = null;
  const scoped = async (key: string) => {
    namespace ??= sha256(`${config.upstream.baseUrl}\n${config.upstream.apiKey}`).then((h) => h.slice(0, 12));
    return `${await namespace}:${key}`;
  };
  // outlives any GET in flight (its upstream call and read are bounded by timeoutMs)
  const tombstoneMs = config.upstream.timeoutMs + 60_000;

  /**
   * Marks a video as changed (stopped): a GET whose upstream call was in flight meanwhile sees
   * another generation afterwards and does not cache what may be the old state. A random value,
   * in the shared store, so it works across instances and never repeats.
   */
  async function bumpGeneration(videoId: string): Promise<void> {
    await config.store.set(await scoped(`gen:video:${videoId}`), globalThis.crypto.randomUUID(), tombstoneMs);
  }

  async function limit(
    limiter: RateLimiter | null,
    principal: Principal,
    what: string,
  ): Promise<Refusal | null> {
    if (limiter === null) return null;
    const key = SIMPLE_KEY.test(principal.limitKey) ? principal.limitKey : await sha256(principal.limitKey);
    const decision = await limiter.hit(await scoped(key));
    if (decision.allowed) return null;
    return {
      status: 429,
      code: `${what}_rate_limited`,
      message: `Too many ${what} requests: at most ${decision.limit} per ${limiter.rule.windowSeconds} s. Try again in ${decision.retryAfterSeconds} s.`,
      headers: limitHeaders(decision),
    };
  }

  async function readTrackBody(request: Request, hints: HandlerHints) {
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return {
        ok: false as const,
        refusal: {
          status: 415,
          code: 'unsupported_media_type',
          message: 'Send the body as application/json.',
        },
      };
    }
    const tooLarge = {
      ok: false as const,
      refusal: {
        status: 413,
        code: 'body_too_large',
        message: `The request body is larger than ${config.maxBodyBytes} bytes.`,
        headers: { Connection: 'close' },
      },
    };
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > config.maxBodyBytes) return tooLarge;
    const bytes = await (hints.readBody ?? webBodyReader(request))(config.maxBodyBytes);
    if (bytes === null) return tooLarge;
    return parseTrackBody(bytes);
  }

  async function getVideo(request: Request, route: ProxyRoute, log: LogState): Promise<Response> {
    const cacheKey = await scoped(`video:${route.videoId}`);
    const generationKey = await scoped(`gen:video:${route.videoId}`);
    if (config.cache !== null) {
      const cached = parseEntry(await config.store.get(cacheKey));
      if (cached && cached.expiresAt > Date.now()) {
        log.cache = 'hit';
        if (cached.status === 404) {
          return new Response(cached.body, {
            status: 404,
            headers: { ...BASE_HEADERS, 'Cache-Control': 'no-store', 'X-Cache': 'HIT' },
          });
        }
        return conditional(request, 200, cached.body, cached.etag, {
          'Cache-Control': freshness(cached),
          'X-Cache': 'HIT',
        });
      }
    }
    const { value, shared } = await coalescer.run(`GET ${route.upstreamPath}`, async () => {
      const cache = config.cache;
      const generation = cache === null ? undefined : await config.store.get(generationKey);
      const result = await callUpstream(config.upstream, {
        method: 'GET',
        path: route.upstreamPath,
        query: '',
      });
      if (!result.ok) return { result, entry: null };
      const status = result.answer.status;
      if (status !== 200 && status !== 404) return { result, entry: null };
      // stopped while this call was in flight: the answer may be the old state, keep nothing
      if (cache !== null && (await config.store.get(generationKey)) !== generation) {
        return { result, entry: null };
      }
      // a 404 is kept briefly, so probing one id again and again costs one API call
      const ttl =
        status === 200
          ? videoCacheTtlSeconds(result.answer.json, Date.now(), cache ?? {})
          : (cache?.notFoundTtlSeconds ?? NOT_FOUND_TTL_SECONDS);
      const entry: CacheEntry = {
        status,
        body: result.answer.body,
        etag: await etagOf(result.answer.body),
        expiresAt: Date.now() + ttl * 1000,
      };
      if (cache !== null && ttl > 0) await config.store.set(cacheKey, JSON.stringify(entry), ttl * 1000);
      return { result, entry };
    });
    log.cache = shared ? 'coalesced' : 'miss';
    const { result, entry } = value;
    if (!result.ok) return fail(log, result.refusal);
    log.upstream_status = result.answer.status;
    if (entry === null || entry.status === 404) {
      return passOn(result.answer, { 'Cache-Control': 'no-store', ...(entry ? { 'X-Cache': 'MISS' } : {}) });
    }
    return conditional(request, 200, entry.body, entry.etag, {
      ...result.answer.headers,
      'Cache-Control': freshness(entry),
      'X-Cache': 'MISS',
    });
  }

  /** List and usage: coalesced and revalidated by ETag, never cached (they change with every track). */
  async function getFresh(
    request: Request,
    route: ProxyRoute,
    query: string,
    principal: Principal,
    log: LogState,
  ): Promise<Response> {
    const { value, shared } = await coalescer.run(`GET ${route.upstreamPath}${query}`, async () => ({
      result: await callUpstream(config.upstream, { method: 'GET', path: route.upstreamPath, query }),
      entry: null,
    }));
    log.cache = shared ? 'coalesced' : 'bypass';
    const { result } = value;
    if (!result.ok) return fail(log, result.refusal);
    const answer = result.answer;
    log.upstream_status = answer.status;
    if (answer.status !== 200) return passOn(answer, { 'Cache-Control': 'no-store' });
    let body = answer.body;
    if (route.name === 'listVideos' && principal.videoIds !== null) {
      const filtered = filterList(answer.json, principal.videoIds);
      if (filtered === null) {
        return fail(log, {
          status: 502,
          code: 'upstream_invalid',
          message:
            'The ContentStats API answered the list in a shape the proxy cannot filter for this token.',
        });
      }
      body = JSON.stringify(filtered);
    }
    return conditional(request, 200, body, await etagOf(body), {
      ...answer.headers,
      'Cache-Control': 'private, no-cache',
    });
  }

  async function run(request: Request, hints: HandlerHints, log: LogState): Promise<Response> {
    const method = request.method.toUpperCase();
    if (method === 'OPTIONS') {
      const origin = request.headers.get('origin');
      const answer = config.cors.preflight(origin, request.headers.get('access-control-request-method'));
      if (answer.status >= 400)
        log.code = answer.status === 403 ? 'origin_not_allowed' : 'method_not_allowed';
      return answer;
    }
    let target: string;
    if (hints.path !== undefined) {
      target = hints.path;
    } else {
      const url = new URL(request.url);
      const base = config.basePath;
      if (base !== '' && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) {
        return fail(log, { status: 404, code: 'unknown_route', message: 'This path is outside the proxy.' });
      }
      target = `${url.pathname.slice(base.length) || '/'}${url.search}`;
    }
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    const search = queryAt === -1 ? '' : target.slice(queryAt);

    const matched = matchRoute(method, path);
    if (!matched.ok) {
      const { allow, pattern, ...refusal } = matched.refusal;
      log.route = pattern === undefined ? null : `${allow?.[0] ?? method} ${pattern}`;
      return fail(log, refusal, allow ? { Allow: allow.join(', ') } : {});
    }
    const route = matched.route;
    log.route = route.pattern;
    if (!config.operations[route.operation]) {
      return fail(log, {
        status: 403,
        code: 'operation_closed',
        message: `The "${route.operation}" operation is closed on this proxy.`,
      });
    }
    const clientKey = config.options.clientKey?.(request) ?? hints.clientKey;
    const auth = await authenticate(config, request, route, clientKey);
    if (!auth.ok) return fail(log, auth.refusal);
    const principal = auth.principal;
    log.auth = principal.auth;

    const query = filterQuery(route, search);
    if (!query.ok) return fail(log, { status: 400, code: 'bad_query', message: query.message });

    let body: string | undefined;
    let idempotencyKey: string | undefined;
    if (route.name === 'trackVideo') {
      const parsed = await readTrackBody(request, hints);
      if (!parsed.ok) return fail(log, parsed.refusal);
      body = JSON.stringify(parsed.body);
      const key = request.headers.get('idempotency-key');
      if (key !== null) {
        if (!IDEMPOTENCY_KEY.test(key)) {
          return fail(log, {
            status: 400,
            code: 'bad_idempotency_key',
            message: 'Idempotency-Key must be 1 to 232 letters, digits, "_", "-", "." or ":".',
          });
        }
        // the API keeps one key space per account: prefix the caller, so one user's key can
        // neither collide with nor replay another's (and stays the same across token refreshes)
        const prefix = (await sha256(`idempotency\n${principal.limitKey}`)).slice(0, 22);
        idempotencyKey = `${prefix}:${key}`;
      }
    }

    const limited =
      (await limit(config.requestLimiter, principal, 'proxy')) ??
      (route.name === 'trackVideo' ? await limit(config.trackLimiter, principal, 'track') : null);
    if (limited) return fail(log, limited);

    if (route.name === 'getVideo') return getVideo(request, route, log);
    if (route.method === 'GET') return getFresh(request, route, query.query, principal, log);

    const stopping = route.name === 'stopTracking' && config.cache !== null ? route.videoId : undefined;
    // bumped before and after the call: a GET in flight across either moment keeps nothing
    if (stopping !== undefined) await bumpGeneration(stopping);
    const result = await callUpstream(config.upstream, {
      method: 'POST',
      path: route.upstreamPath,
      query: '',
      ...(body === undefined ? {} : { body }),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    if (!result.ok) return fail(log, result.refusal);
    const status = result.answer.status;
    log.upstream_status = status;
    // a stopped video changes status: its cached copy is stale
    if (stopping !== undefined && status < 300) {
      await bumpGeneration(stopping);
      await config.store.delete(await scoped(`video:${stopping}`));
    }
    // a new video's id may have been probed (and its 404 cached) just before it existed
    const createdId = (result.answer.json as { id?: unknown } | null)?.id;
    if (
      route.name === 'trackVideo' &&
      status < 300 &&
      config.cache !== null &&
      typeof createdId === 'string'
    ) {
      if (VIDEO_ID_PATTERN.test(createdId)) await config.store.delete(await scoped(`video:${createdId}`));
    }
    return passOn(result.answer, { 'Cache-Control': 'no-store' });
  }

  return async (request, hints = {}) => {
    const started = performance.now();
    const log: LogState = { route: null, cache: 'bypass', auth: 'none' };
    let response: Response;
    try {
      response = await run(request, hints, log);
    } catch {
      response = fail(log, { status: 500, code: 'proxy_error', message: 'The proxy failed. Try again.' });
    }
    if (request.method.toUpperCase() !== 'OPTIONS') {
      for (const [name, value] of Object.entries(config.cors.headers(request.headers.get('origin')))) {
        response.headers.set(name, value);
      }
    }
    const entry: ProxyLogEntry = {
      time: new Date().toISOString(),
      method: request.method.toUpperCase(),
      route: log.route,
      status: response.status,
      latency_ms: Math.round((performance.now() - started) * 10) / 10,
      cache: log.cache,
      auth: log.auth,
      ...(log.upstream_status === undefined ? {} : { upstream_status: log.upstream_status }),
      ...(log.code === undefined ? {} : { code: log.code }),
    };
    try {
      config.options.onLog?.(entry);
    } catch {
      // a failing logger must not fail the request
    }
    return response;
  };
}
