import type { ProxyOperation } from '../../routes.js';
import { matchRoute, openEndpoints } from '../../routes.js';
import type { Stage } from '../compose.js';

/**
 * Finds the documented endpoint the path names, below the mount point (`basePath` for the Web
 * handler, the raw `req.url` from Express), or refuses it (400, 404, 405). The unknown-route
 * message lists only the endpoints this proxy opens.
 */
export function matchPath(basePath: string, operations: Record<ProxyOperation, boolean>): Stage {
  const endpoints = openEndpoints(operations);
  const unknown =
    endpoints.length === 0
      ? 'No such endpoint. Every operation is closed on this proxy.'
      : `No such endpoint. This proxy forwards only: ${endpoints.join(', ')}.`;
  return async (context, next) => {
    let target: string;
    if (context.hints.path !== undefined) {
      target = context.hints.path;
    } else {
      const url = new URL(context.request.url);
      if (basePath !== '' && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
        return context.refuse({
          status: 404,
          code: 'unknown_route',
          message: 'This path is outside the proxy.',
        });
      }
      target = `${url.pathname.slice(basePath.length) || '/'}${url.search}`;
    }
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    context.search = queryAt === -1 ? '' : target.slice(queryAt);

    const matched = matchRoute(context.method, path);
    if (!matched.ok) {
      const { allow, pattern, ...refusal } = matched.refusal;
      context.log.route = pattern === undefined ? null : `${allow?.[0] ?? context.method} ${pattern}`;
      if (refusal.code === 'unknown_route') refusal.message = unknown;
      return context.refuse(refusal, allow ? { Allow: allow.join(', ') } : {});
    }
    context.route = matched.route;
    context.log.route = matched.route.pattern;
    return next();
  };
}
