import type { ProxyOptions } from '../../options.js';
import type { Stage } from '../compose.js';
import { reportFailure } from '../failures.js';
import { StoreUnavailableError } from '../guardStore.js';
import type { Refusal } from '../respond.js';

const STORE_UNAVAILABLE: Refusal = {
  status: 503,
  code: 'store_unavailable',
  message: 'The proxy cannot reach its store (cache and limits). Try again shortly.',
  headers: { 'Retry-After': '1' },
};

/**
 * Turns anything thrown further in into a 500 `proxy_error`, or a 503 `store_unavailable` when
 * the store failed (then nothing went upstream unlimited: limits come first), its cause in the
 * log and told to `onError`.
 */
export function catchErrors(options: ProxyOptions): Stage {
  return async (context, next) => {
    try {
      return await next();
    } catch (error) {
      const refusal =
        error instanceof StoreUnavailableError
          ? STORE_UNAVAILABLE
          : { status: 500, code: 'proxy_error', message: 'The proxy failed. Try again.' };
      reportFailure(options, context, error, refusal);
      return context.refuse(refusal);
    }
  };
}
