import { HOUR_MS } from './time.js';

/**
 * `max-age` of a finished (completed or stopped) tracking, in seconds: it can never change again,
 * so a day is as good as forever while still letting a cache forget it.
 */
export const FINISHED_MAX_AGE_SECONDS = 86_400;

/**
 * Real seconds until simulated time `at`, for `Cache-Control: max-age`.
 *
 * Rounded up, so a response is never declared stale before the next snapshot exists: a client
 * that refetches when `max-age` runs out finds it. `at` is always after `now` for a running
 * tracking, so this is at least 1 — also at high speeds, where a whole simulated hour passes in
 * under a real second (3600×: `max-age=1`, one request per snapshot).
 *
 * @param at - simulated ms of the next change
 * @param now - simulated ms now
 * @param speed - simulated ms per real ms
 */
export function realSecondsUntil(at: number, now: number, speed: number): number {
  return Math.max(1, Math.ceil((at - now) / speed / 1000));
}

/** `Cache-Control` value of a response that stays current for `seconds`. */
export function maxAge(seconds: number): string {
  return `max-age=${seconds}`;
}

/**
 * `Cache-Control` of the video list: current until the next change of any running tracking in it
 * (`nextChanges`, simulated ms). A list with nothing running only changes by a track or stop call,
 * which its caller knows about, so it keeps for one simulated hour, the API's own cadence.
 */
export function listCacheControl(nextChanges: readonly number[], now: number, speed: number): string {
  const next = nextChanges.length > 0 ? Math.min(...nextChanges) : now + HOUR_MS;
  return maxAge(realSecondsUntil(next, now, speed));
}
