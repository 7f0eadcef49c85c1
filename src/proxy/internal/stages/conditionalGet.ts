import type { Stage } from '../compose.js';
import { etagOf, matchesIfNoneMatch } from '../etag.js';
import { ProxyResponse } from '../proxyResponse.js';

// a 304 carries the validators and freshness of the 200 it stands for, no body headers
const NOT_FOR_304 = new Set(['content-type', 'content-length', 'x-content-type-options']);

/**
 * Gives every 200 to a GET an `ETag` (the one a cached copy already has, else a hash of the
 * body) and answers `304 Not Modified` when `If-None-Match` names it, with the same
 * `Cache-Control`, `Date` and `ETag`. Runs outside list filtering, so the tag is of what this
 * caller sees.
 */
export function conditionalGet(): Stage {
  return async (context, next) => {
    const response = await next();
    if (context.method !== 'GET' || response.status !== 200) return response;
    let etag = response.headers.get('etag');
    if (etag === null) {
      etag = await etagOf(response.text());
      response.headers.set('ETag', etag);
    }
    if (!matchesIfNoneMatch(context.request.headers.get('if-none-match'), etag)) return response;
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (!NOT_FOR_304.has(name)) headers.push([name, value]);
    });
    return new ProxyResponse(null, { status: 304, headers });
  };
}
