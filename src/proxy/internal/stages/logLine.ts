import type { ProxyLogEntry, ProxyOptions } from '../../options.js';
import type { Stage } from '../compose.js';

/** Outermost: one {@link ProxyLogEntry} per request, to `onLog`, whatever happened inside. */
export function logLine(options: ProxyOptions): Stage {
  return async (context, next) => {
    // without a logger there is nothing to build (read per request: the hook may be set later)
    if (options.onLog === undefined) return next();
    const started = performance.now();
    const response = await next();
    const { log } = context;
    const entry: ProxyLogEntry = {
      time: new Date().toISOString(),
      method: context.method,
      route: log.route,
      status: response.status,
      latency_ms: Math.round((performance.now() - started) * 10) / 10,
      cache: log.cache,
      auth: log.auth,
      ...(log.upstream_status === undefined ? {} : { upstream_status: log.upstream_status }),
      ...(log.code === undefined ? {} : { code: log.code }),
      ...(log.cause === undefined ? {} : { cause: log.cause }),
    };
    try {
      options.onLog?.(entry);
    } catch {
      // a failing logger must not fail the request
    }
    return response;
  };
}
