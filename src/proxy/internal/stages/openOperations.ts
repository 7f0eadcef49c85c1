import type { ProxyOperation } from '../../routes.js';
import type { Stage } from '../compose.js';

/** Refuses (403) the operations this proxy keeps closed (`operations`), whoever asks. */
export function openOperations(operations: Record<ProxyOperation, boolean>): Stage {
  return async (context, next) => {
    const { operation } = context.route;
    if (operations[operation]) return next();
    return context.refuse({
      status: 403,
      code: 'operation_closed',
      message: `The "${operation}" operation is closed on this proxy.`,
    });
  };
}
