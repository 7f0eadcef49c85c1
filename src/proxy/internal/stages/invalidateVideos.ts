import { VIDEO_ID_PATTERN } from '../../../shared/index.js';
import type { Stage } from '../compose.js';
import type { VideoCacheDeps } from './videoCache.js';

/**
 * Writes through the proxy make cached copies wrong: a stopped video changes status (its copy
 * goes, its generation moves before and after the call, so a read in flight across either
 * moment keeps nothing); a newly tracked video's id may have been probed just before it
 * existed (its cached 404 goes).
 */
export function invalidateVideos({ cache, store, keys, generations }: VideoCacheDeps): Stage {
  return async (context, next) => {
    const { route } = context;
    if (cache === null) return next();
    if (route.name === 'stopTracking') {
      const videoId = route.videoId as string;
      await generations.bump(videoId);
      const response = await next();
      if (response.status < 300) {
        await generations.bump(videoId);
        await store.delete(await keys.video(videoId));
      }
      return response;
    }
    if (route.name !== 'trackVideo') return next();
    const response = await next();
    const createdId = (context.answer?.json as { id?: unknown } | null | undefined)?.id;
    if (response.status < 300 && typeof createdId === 'string' && VIDEO_ID_PATTERN.test(createdId)) {
      await store.delete(await keys.video(createdId));
    }
    return response;
  };
}
