/**
 * Shape of a tracking id in a path (`/api/v1/videos/{id}`): 1–64 letters, digits, `_` or `-`.
 * Client, proxy and local API all refuse other ids before anything is sent or routed.
 */
export const VIDEO_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** `true` when `id` has the shape of a tracking id (see {@link VIDEO_ID_PATTERN}). */
export function isVideoId(id: unknown): id is string {
  return typeof id === 'string' && VIDEO_ID_PATTERN.test(id);
}
