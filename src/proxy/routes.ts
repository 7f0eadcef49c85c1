import { VIDEO_ID_PATTERN } from '../shared/index.js';
import type { TokenScope } from './tokens.js';

/** An operation of the proxy; the same names as the token scopes. */
export type ProxyOperation = TokenScope;

/** The documented endpoints, the only ones the proxy forwards. */
export type ProxyRouteName = 'listVideos' | 'getVideo' | 'trackVideo' | 'stopTracking' | 'getUsage';

/** A matched, allowed route. */
export interface ProxyRoute {
  name: ProxyRouteName;
  method: 'GET' | 'POST';
  operation: ProxyOperation;
  /** For logs: `GET /api/v1/videos/:id` (never the raw path). */
  pattern: string;
  /** The video id in the path, already validated. */
  videoId: string | undefined;
  /** Path to call upstream, rebuilt from validated parts. */
  upstreamPath: string;
}

/** A refused path or method, with the status and message to answer. */
export interface RouteRefusal {
  status: 400 | 404 | 405;
  code: 'bad_path' | 'bad_video_id' | 'unknown_route' | 'method_not_allowed';
  message: string;
  /** Methods the path allows, on a 405. */
  allow?: string[];
  /** The route pattern when the path matched one (for logs). */
  pattern?: string;
}

/** Result of {@link matchRoute}. */
export type RouteMatch = { ok: true; route: ProxyRoute } | { ok: false; refusal: RouteRefusal };

/** The documented endpoints, by the operation that opens them. */
const ENDPOINTS: readonly { operation: ProxyOperation; endpoint: string }[] = [
  { operation: 'read', endpoint: 'GET /api/v1/videos' },
  { operation: 'read', endpoint: 'GET /api/v1/videos/{id}' },
  { operation: 'track', endpoint: 'POST /api/v1/videos/track' },
  { operation: 'stop', endpoint: 'POST /api/v1/videos/{id}/stop' },
  { operation: 'usage', endpoint: 'GET /api/v1/usage' },
];

/** The endpoints whose operation is open, as `METHOD /path`, in the documented order. */
export function openEndpoints(operations: Readonly<Record<ProxyOperation, boolean>>): string[] {
  return ENDPOINTS.filter(({ operation }) => operations[operation]).map(({ endpoint }) => endpoint);
}

// ids are [A-Za-z0-9_-]: a documented path never needs another character, an encoding or a dot segment
const PATH_CHARS = /^[A-Za-z0-9_\-./]*$/;

function refuse(refusal: RouteRefusal): RouteMatch {
  return { ok: false, refusal };
}

function badPath(message: string): RouteMatch {
  return refuse({ status: 400, code: 'bad_path', message });
}

function allowed(
  method: string,
  name: ProxyRouteName,
  routeMethod: 'GET' | 'POST',
  operation: ProxyOperation,
  pattern: string,
  upstreamPath: string,
  videoId?: string,
): RouteMatch {
  if (method !== routeMethod) {
    return refuse({
      status: 405,
      code: 'method_not_allowed',
      message: `${method} is not allowed here; use ${routeMethod}.`,
      allow: [routeMethod],
      pattern,
    });
  }
  return {
    ok: true,
    route: {
      name,
      method: routeMethod,
      operation,
      pattern: `${routeMethod} ${pattern}`,
      videoId,
      upstreamPath,
    },
  };
}

/**
 * Matches a raw request path (below the proxy's mount point, without the query) against the
 * documented endpoints. Refuses, before anything else: absolute URLs, double slashes, dot
 * segments, percent-encoded or backslash characters (400), ids outside `^[A-Za-z0-9_-]{1,64}$`
 * (400), wrong methods (405) and every other path (404). The upstream path is rebuilt from the
 * validated parts, so nothing the caller sent is pasted into the upstream URL.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch {
  if (!rawPath.startsWith('/'))
    return badPath('Absolute URLs are refused: send a path such as /api/v1/videos.');
  if (rawPath.includes('//')) return badPath('Paths with double slashes are refused.');
  if (rawPath.includes('%')) return badPath('Percent-encoded characters are refused in the path.');
  if (!PATH_CHARS.test(rawPath)) return badPath('The path contains characters no endpoint uses.');
  // one trailing slash is tolerated, as by the API
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return badPath('Path traversal (. or ..) is refused.');

  const [api, version, resource, id, action, ...rest] = segments;
  if (api === 'api' && version === 'v1' && rest.length === 0) {
    if (resource === 'usage' && id === undefined) {
      return allowed(method, 'getUsage', 'GET', 'usage', '/api/v1/usage', '/api/v1/usage');
    }
    if (resource === 'videos') {
      if (id === undefined) {
        return allowed(method, 'listVideos', 'GET', 'read', '/api/v1/videos', '/api/v1/videos');
      }
      if (id === 'track' && action === undefined) {
        return allowed(method, 'trackVideo', 'POST', 'track', '/api/v1/videos/track', '/api/v1/videos/track');
      }
      if (action === undefined || action === 'stop') {
        if (!VIDEO_ID_PATTERN.test(id)) {
          return refuse({
            status: 400,
            code: 'bad_video_id',
            message: 'Video ids are 1 to 64 letters, digits, "_" or "-".',
          });
        }
        if (action === 'stop') {
          return allowed(
            method,
            'stopTracking',
            'POST',
            'stop',
            '/api/v1/videos/:id/stop',
            `/api/v1/videos/${id}/stop`,
            id,
          );
        }
        return allowed(method, 'getVideo', 'GET', 'read', '/api/v1/videos/:id', `/api/v1/videos/${id}`, id);
      }
    }
  }
  // the proxy's own message names only the endpoints it opens (see openEndpoints)
  return refuse({ status: 404, code: 'unknown_route', message: 'No such endpoint.' });
}

const PLATFORM = /^[a-z]{1,20}$/;

/** Result of {@link filterQuery}. */
export type QueryResult = { ok: true; query: string } | { ok: false; message: string };

/**
 * Keeps only the allowlisted query parameters of a route (`platform` on `GET /api/v1/videos`)
 * and drops every other one. Returns the query string to send upstream (`''` or `?platform=tiktok`).
 */
export function filterQuery(route: ProxyRoute, search: string): QueryResult {
  if (route.name !== 'listVideos') return { ok: true, query: '' };
  const params = new URLSearchParams(search);
  const platforms = params.getAll('platform');
  if (platforms.length === 0) return { ok: true, query: '' };
  const platform = platforms[0] as string;
  if (platforms.length > 1 || !PLATFORM.test(platform)) {
    return { ok: false, message: 'platform must be one lowercase platform name such as "tiktok".' };
  }
  return { ok: true, query: `?platform=${platform}` };
}
