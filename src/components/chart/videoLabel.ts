import type { Video } from '../../client/types.js';

/** A short legend name for a video: `@handle · …123456` from its link, else its id. */
export function videoLabel(video: Pick<Video, 'id' | 'video_link'>): string {
  const match = /@([^/?#]+)\/video\/(\d+)/.exec(video.video_link);
  if (!match) return video.id;
  const [, handle, number] = match as unknown as [string, string, string];
  return `@${handle} · …${number.slice(-6)}`;
}
