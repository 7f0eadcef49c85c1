import type { ProxyContext } from './context.js';
import type { ProxyResponse } from './proxyResponse.js';

/** Runs the rest of the pipeline and resolves with its response. */
export type Next = () => Promise<ProxyResponse>;

/**
 * One step of the proxy: answers itself (a refusal, a cached copy) or calls `next` and may
 * change what comes back. The model is Hono's middleware.
 */
export type Stage = (context: ProxyContext, next: Next) => Promise<ProxyResponse>;

/**
 * Chains stages in order; the last one must answer without calling `next`. Each step hands on
 * the stage's own promise (no async wrapper of its own: with 17 stages, the wrappers' promises
 * were a good part of a cached GET's garbage).
 */
export function compose(stages: readonly Stage[]): (context: ProxyContext) => Promise<ProxyResponse> {
  const run = (context: ProxyContext, index: number): Promise<ProxyResponse> => {
    const stage = stages[index];
    if (stage === undefined) return Promise.reject(new Error('proxy pipeline: the last stage called next()'));
    return stage(context, () => run(context, index + 1));
  };
  return (context) => run(context, 0);
}
