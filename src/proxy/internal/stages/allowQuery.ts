import { filterQuery } from '../../routes.js';
import type { Stage } from '../compose.js';

/** Keeps only the allowlisted query parameters (`platform` on the list); refuses a bad value (400). */
export function allowQuery(): Stage {
  return async (context, next) => {
    const query = filterQuery(context.route, context.search);
    if (!query.ok) return context.refuse({ status: 400, code: 'bad_query', message: query.message });
    context.query = query.query;
    return next();
  };
}
