import { createCoalescer } from '../coalesce.js';
import type { Stage } from '../compose.js';
import { ProxyResponse } from '../proxyResponse.js';
import type { UpstreamAnswer } from '../upstream.js';

interface Shared {
  status: number;
  headers: [string, string][];
  body: string | null;
  answer: UpstreamAnswer | null;
  log: { upstream_status?: number | undefined; code?: string | undefined; cause?: string | undefined };
}

/**
 * Identical GETs in flight at once (same endpoint and query) share one run of the rest of the
 * pipeline, so one upstream call: the first caller's; the others get a copy of its answer and
 * log `coalesced`. Only what comes after this stage is shared (the cache write, the call), never
 * what depends on the caller (auth, limits, list filtering, 304s).
 */
export function coalesceReads(): Stage {
  const coalescer = createCoalescer<Shared>();
  return async (context, next) => {
    if (context.method !== 'GET') return next();
    const { value, shared } = await coalescer.run(
      `GET ${context.route.upstreamPath}${context.query}`,
      async () => {
        const response = await next();
        const { upstream_status, code, cause } = context.log;
        return {
          status: response.status,
          headers: [...response.headers],
          body: response.body,
          answer: context.answer,
          log: { upstream_status, code, cause },
        };
      },
    );
    if (shared) {
      context.answer = value.answer;
      context.log.cache = 'coalesced';
      for (const [field, recorded] of Object.entries(value.log)) {
        if (recorded !== undefined) Object.assign(context.log, { [field]: recorded });
      }
    }
    // every caller, the first included, gets its own response: later stages may change it
    return new ProxyResponse(value.body, { status: value.status, headers: value.headers });
  };
}
