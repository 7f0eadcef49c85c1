import type { Video } from '../../client/types.js';

/**
 * A short name for a video: `@handle · …123456` from its link; for a short link
 * (`https://vm.tiktok.com/ZMabc/`) the link without scheme and `www.`; the id only when the link
 * is not a URL at all. Rows and legend entries then differ where links share a long prefix.
 */
export function videoLabel(video: Pick<Video, 'id' | 'video_link'>): string {
  const match = /@([^/?#]+)\/video\/(\d+)/.exec(video.video_link);
  if (match) {
    const [, handle, number] = match as unknown as [string, string, string];
    return `@${handle} · …${number.slice(-6)}`;
  }
  let url: URL;
  try {
    url = new URL(video.video_link);
  } catch {
    return video.id;
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.hostname.replace(/^www\./, '')}${path}`;
}
