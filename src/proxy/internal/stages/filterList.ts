import type { Stage } from '../compose.js';
import { ProxyResponse } from '../proxyResponse.js';

/**
 * The list rebuilt as `{ videos }` holding only `videoIds`. Reads the shapes the client reads
 * (`[…]`, `{ videos: […] }`, `{ data: […] }`) and keeps no other field (a `total` would count the
 * hidden videos). `null` for any other shape: refused, never passed on whole.
 */
export function onlyVideos(json: unknown, videoIds: readonly string[]): { videos: unknown[] } | null {
  let items: unknown = json;
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const fields = json as { videos?: unknown; data?: unknown };
    items = fields.videos ?? fields.data;
  }
  if (!Array.isArray(items)) return null;
  const allowed = new Set(videoIds);
  const videos = items.filter((item: unknown) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' && allowed.has(id);
  });
  return { videos };
}

/** For a caller limited to some videos (a token's `videoIds`), the list shows only those, failing closed (502). */
export function filterList(): Stage {
  return async (context, next) => {
    if (context.route.name !== 'listVideos') return next();
    const { videoIds } = context.principal;
    const response = await next();
    if (videoIds === null || response.status !== 200) return response;
    const filtered = onlyVideos(context.answer?.json, videoIds);
    if (filtered === null) {
      return context.refuse({
        status: 502,
        code: 'upstream_invalid',
        message: 'The ContentStats API answered the list in a shape the proxy cannot filter for this token.',
      });
    }
    return new ProxyResponse(JSON.stringify(filtered), { status: 200, headers: response.headers });
  };
}
