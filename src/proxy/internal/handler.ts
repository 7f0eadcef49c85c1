import { videoCacheTtlSeconds } from '../cache.js';
import type { ProxyLogEntry, ProxyOptions } from '../options.js';
import { limitHeaders, type RateLimiter } from '../rateLimiter.js';
import { filterQuery, matchRoute, type ProxyRoute } from '../routes.js';
import { authenticate, type Principal } from './auth.js';
import { type BodyReader, isJsonContentType, parseTrackBody, webBodyReader } from './body.js';
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

/** A cached `GET /api/v1/videos/{id}` answer. */
interface CacheEntry {
  body: string;
  etag: string;
  /** ms since epoch. */
  expiresAt: number;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,255}$/;
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
    if (
      typeof value.body === 'string' &&
      typeof value.etag === 'string' &&
      typeof value.expiresAt === 'number'
    ) {
      return { body: value.body, etag: value.etag, expiresAt: value.expiresAt };
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

/** Keeps only the allowed videos of a list answer (`[…]` or `{ videos: […] }`). */
function filterList(json: unknown, videoIds: readonly string[]): unknown {
  const keep = (list: unknown[]) =>
    list.filter(
      (v) => typeof v === 'object' && v !== null && videoIds.includes(String((v as { id?: unknown }).id)),
    );
  if (Array.isArray(json)) return keep(json);
  if (typeof json === 'object' && json !== null && Array.isArray((json as { videos?: unknown }).videos)) {
    return { ...json, videos: keep((json as { videos: unknown[] }).videos) };
  }
  return json;
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
    if (config.cache !== null) {
      const cached = parseEntry(await config.store.get(cacheKey));
      if (cached && cached.expiresAt > Date.now()) {
        log.cache = 'hit';
        return conditional(request, 200, cached.body, cached.etag, {
          'Cache-Control': freshness(cached),
          'X-Cache': 'HIT',
        });
      }
    }
    const { value, shared } = await coalescer.run(`GET ${route.upstreamPath}`, async () => {
      const result = await callUpstream(config.upstream, {
        method: 'GET',
        path: route.upstreamPath,
        query: '',
      });
      if (!result.ok || result.answer.status !== 200) return { result, entry: null };
      const ttl = videoCacheTtlSeconds(result.answer.json, Date.now(), config.cache ?? {});
      const entry = {
        body: result.answer.body,
        etag: await etagOf(result.answer.body),
        expiresAt: Date.now() + ttl * 1000,
      };
      if (config.cache !== null) await config.store.set(cacheKey, JSON.stringify(entry), ttl * 1000);
      return { result, entry };
    });
    log.cache = shared ? 'coalesced' : 'miss';
    const { result, entry } = value;
    if (!result.ok) return fail(log, result.refusal);
    log.upstream_status = result.answer.status;
    if (entry === null) return passOn(result.answer, { 'Cache-Control': 'no-store' });
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
    const body =
      route.name === 'listVideos' && principal.videoIds !== null
        ? JSON.stringify(filterList(answer.json, principal.videoIds))
        : answer.body;
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
    const clientKey = config.options.clientKey?.(request) ?? hints.clientKey ?? 'anonymous';
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
            message: 'Idempotency-Key must be 1 to 255 letters, digits, "_", "-", "." or ":".',
          });
        }
        idempotencyKey = key;
      }
    }

    const limited =
      (await limit(config.requestLimiter, principal, 'proxy')) ??
      (route.name === 'trackVideo' ? await limit(config.trackLimiter, principal, 'track') : null);
    if (limited) return fail(log, limited);

    if (route.name === 'getVideo') return getVideo(request, route, log);
    if (route.method === 'GET') return getFresh(request, route, query.query, principal, log);

    const result = await callUpstream(config.upstream, {
      method: 'POST',
      path: route.upstreamPath,
      query: '',
      ...(body === undefined ? {} : { body }),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    if (!result.ok) return fail(log, result.refusal);
    log.upstream_status = result.answer.status;
    // a stopped video changes status: its cached copy is stale
    if (route.name === 'stopTracking' && result.answer.status < 300 && config.cache !== null) {
      await config.store.delete(await scoped(`video:${route.videoId}`));
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
