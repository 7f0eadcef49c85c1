import type { RateLimit, Video, VideoSummary } from '../client/types';

const HOUR = 3_600_000;
/** Least time between two polls of one video, whatever else says. */
export const MIN_POLL_MS = 60_000;
/** How long after the hour a snapshot is fetched: it may land a little late, and clients should not all arrive at once. */
export const SNAPSHOT_GRACE_MS = 10_000;
export const SNAPSHOT_JITTER_MS = 20_000;

/** `true` once a tracking can get no more snapshots. */
export function isFinished(video: Pick<VideoSummary, 'status'>): boolean {
  return video.status === 'completed' || video.status === 'stopped';
}

/**
 * When the next snapshot can exist: last `snapshot_time` + 1 h (or `created_at` when there is
 * none yet). `null` when the tracking is finished or the time cannot be known.
 */
export function nextSnapshotAt(
  video: Pick<Video, 'status' | 'snapshots' | 'created_at' | 'ends_at'>,
): number | null {
  if (isFinished(video)) return null;
  const last = video.snapshots[video.snapshots.length - 1];
  let next: number;
  if (last) next = Date.parse(last.snapshot_time) + HOUR;
  else if (video.created_at) next = Date.parse(video.created_at);
  else return null;
  if (video.ends_at && next >= Date.parse(video.ends_at)) return null;
  return next;
}

/** Options of {@link refetchDelay}. */
export interface RefetchDelayOptions {
  now?: number;
  random?: () => number;
  /** Latest rate-limit state: when the budget is low, polls wait for the reset. */
  rateLimit?: RateLimit | null;
}

/**
 * How long to wait before refetching a video: just after its next snapshot can exist, never
 * sooner than {@link MIN_POLL_MS}, and `false` once it is finished (no more polling).
 */
export function refetchDelay(video: Video, options: RefetchDelayOptions = {}): number | false {
  if (isFinished(video)) return false;
  const now = options.now ?? Date.now();
  const random = options.random ?? Math.random;
  const next = nextSnapshotAt(video);
  // an overdue or unknown snapshot is polled gently, not hammered
  let due =
    next === null
      ? now + 5 * MIN_POLL_MS
      : next + SNAPSHOT_GRACE_MS + Math.floor(random() * SNAPSHOT_JITTER_MS);
  const rl = options.rateLimit;
  if (rl && isBudgetLow(rl)) due = Math.max(due, rl.resetAt + Math.floor(random() * 5_000));
  return Math.max(MIN_POLL_MS, due - now);
}

/** `true` when a refetch now could eat the last requests of the window. */
export function isBudgetLow(rateLimit: RateLimit): boolean {
  return rateLimit.remaining <= Math.max(2, Math.floor(rateLimit.limit * 0.1));
}

/** How long fetched video data stays fresh: until the next snapshot can exist (forever once finished). */
export function videoStaleTime(video: Video | undefined, now: number = Date.now()): number {
  if (!video) return 0;
  if (isFinished(video)) return Number.POSITIVE_INFINITY;
  const next = nextSnapshotAt(video);
  return next === null ? MIN_POLL_MS : Math.max(0, next + SNAPSHOT_GRACE_MS - now);
}
