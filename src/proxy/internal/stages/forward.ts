import type { ProxyOptions } from '../../options.js';
import type { Stage } from '../compose.js';
import { reportFailure } from '../failures.js';
import { ProxyResponse } from '../proxyResponse.js';
import { BASE_HEADERS } from '../respond.js';
import { callUpstream, type UpstreamConfig } from '../upstream.js';

/**
 * The last stage: calls the API with the server key, only the validated parts of the request
 * (route, allowlisted query, checked body, namespaced idempotency key), and answers with what it
 * said: its status, allowlisted headers and JSON (errors as `{ error, code }`). A GET answer
 * may be revalidated (`private, no-cache`); the rest is `no-store`. A failed call is a 5xx of
 * the proxy's own, its cause logged and told to `onError`.
 */
export function forward(upstream: UpstreamConfig, options: ProxyOptions): Stage {
  return async (context) => {
    const { route } = context;
    const result = await callUpstream(upstream, {
      method: route.method,
      path: route.upstreamPath,
      query: context.query,
      ...(context.body === undefined ? {} : { body: context.body }),
      ...(context.idempotencyKey === undefined ? {} : { idempotencyKey: context.idempotencyKey }),
    });
    if (!result.ok) {
      reportFailure(options, context, result.error, result.refusal);
      return context.refuse(result.refusal);
    }
    const { answer } = result;
    context.answer = answer;
    context.log.upstream_status = answer.status;
    const cacheControl = route.method === 'GET' && answer.status === 200 ? 'private, no-cache' : 'no-store';
    return new ProxyResponse(answer.body, {
      status: answer.status,
      headers: { ...BASE_HEADERS, ...answer.headers, 'Cache-Control': cacheControl },
    });
  };
}
