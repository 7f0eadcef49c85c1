import { authenticate } from '../auth.js';
import type { Stage } from '../compose.js';
import type { ProxyConfig } from '../config.js';

/** Lets the caller in by token or by the session path's gate and `authorize` (see `authenticate`). */
export function authenticateCaller(config: ProxyConfig): Stage {
  return async (context, next) => {
    const { clientKey: fromRequest } = config.options;
    const clientKey =
      (fromRequest ? fromRequest(context.webRequest()) : undefined) ?? context.hints.clientKey;
    const auth = await authenticate(config, context, clientKey);
    if (!auth.ok) return context.refuse(auth.refusal);
    context.principal = auth.principal;
    context.log.auth = auth.principal.auth;
    return next();
  };
}
