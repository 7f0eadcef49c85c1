import type { CorsPolicy } from '../../cors.js';
import type { Stage } from '../compose.js';

/** Answers preflights; adds the CORS headers of the caller's origin to every other answer, refusals included. */
export function cors(policy: CorsPolicy): Stage {
  return async (context, next) => {
    const origin = context.request.headers.get('origin');
    if (context.method === 'OPTIONS') {
      const answer = policy.preflight(origin, context.request.headers.get('access-control-request-method'));
      if (answer.status >= 400) {
        context.log.code = answer.status === 403 ? 'origin_not_allowed' : 'method_not_allowed';
      }
      return answer;
    }
    const response = await next();
    // Vary adds to what the answer already varies on (credentials); everything else is set
    for (const [name, value] of Object.entries(policy.headers(origin))) {
      if (name === 'Vary') response.headers.append(name, value);
      else response.headers.set(name, value);
    }
    return response;
  };
}
