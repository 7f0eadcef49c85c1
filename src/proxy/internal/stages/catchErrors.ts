import type { ProxyOptions } from '../../options.js';
import type { Stage } from '../compose.js';
import { reportFailure } from '../failures.js';

/** Turns anything thrown further in into a 500 `proxy_error`, its cause in the log and told to `onError`. */
export function catchErrors(options: ProxyOptions): Stage {
  return async (context, next) => {
    try {
      return await next();
    } catch (error) {
      const refusal = { status: 500, code: 'proxy_error', message: 'The proxy failed. Try again.' };
      reportFailure(options, context, error, refusal);
      return context.refuse(refusal);
    }
  };
}
