/** The documented endpoints. */
export type RouteName = 'track' | 'list' | 'get' | 'stop' | 'usage';

interface Route {
  name: RouteName;
  method: 'GET' | 'POST';
  pattern: RegExp;
}

const ROUTES: readonly Route[] = [
  { name: 'track', method: 'POST', pattern: /^\/api\/v1\/videos\/track$/ },
  { name: 'list', method: 'GET', pattern: /^\/api\/v1\/videos$/ },
  { name: 'get', method: 'GET', pattern: /^\/api\/v1\/videos\/([^/]+)$/ },
  { name: 'stop', method: 'POST', pattern: /^\/api\/v1\/videos\/([^/]+)\/stop$/ },
  { name: 'usage', method: 'GET', pattern: /^\/api\/v1\/usage$/ },
];

/** Result of {@link matchRoute}. */
export type RouteMatch =
  | { kind: 'found'; name: RouteName; param: string | undefined }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'none' };

/** `/api/v1/videos/` → `/api/v1/videos`: a trailing slash is tolerated. */
export function normalisePath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Finds the endpoint for a method and normalised path. */
export function matchRoute(method: string, path: string): RouteMatch {
  const allow: string[] = [];
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method !== method) {
      if (!allow.includes(route.method)) allow.push(route.method);
      continue;
    }
    const raw = match[1];
    if (raw === undefined) return { kind: 'found', name: route.name, param: undefined };
    const param = decode(raw);
    if (param === undefined) return { kind: 'none' };
    return { kind: 'found', name: route.name, param };
  }
  return allow.length > 0 ? { kind: 'wrong-method', allow } : { kind: 'none' };
}
