import type { RateLimit, Video, VideoSummary } from '../client/types.js';

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
  /** When the video was last fetched (ms); no poll comes sooner than {@link MIN_POLL_MS} after it. */
  fetchedAt?: number;
  /** A number in [0, 1) for the jitter; by default derived from the video and its last snapshot. */
  random?: number;
  /** Latest rate-limit state: when the budget is low, polls wait for the reset. */
  rateLimit?: RateLimit | null;
  /** Failed fetches in a row: each doubles the wait after the last attempt (up to 30 min). */
  failures?: number;
}

/** Longest wait between polls after repeated failures. */
export const MAX_FAILURE_BACKOFF_MS = 30 * 60_000;

/** A stable number in [0, 1) per video and snapshot, so recomputing a schedule never moves it. */
function stableJitter(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/**
 * How long to wait before refetching a video: just after its next snapshot can exist (plus a
 * little jitter so many viewers do not arrive at once), never sooner than {@link MIN_POLL_MS}
 * after the last fetch, and `false` once it is finished (no more polling). The result is
 * stable when recomputed: observers recompute it on every update.
 */
export function refetchDelay(video: Video, options: RefetchDelayOptions = {}): number | false {
  if (isFinished(video)) return false;
  const now = options.now ?? Date.now();
  const next = nextSnapshotAt(video);
  const jitter = options.random ?? stableJitter(`${video.id}@${next ?? 'none'}`);
  const fetchedAt = options.fetchedAt ?? now;
  // an overdue or unknown snapshot is polled gently, not hammered
  let due =
    next === null
      ? fetchedAt + 5 * MIN_POLL_MS
      : next + SNAPSHOT_GRACE_MS + Math.floor(jitter * SNAPSHOT_JITTER_MS);
  const failures = options.failures ?? 0;
  const floor =
    failures > 0 ? Math.min(MAX_FAILURE_BACKOFF_MS, MIN_POLL_MS * 2 ** (failures - 1)) : MIN_POLL_MS;
  due = Math.max(due, fetchedAt + floor);
  const rl = options.rateLimit;
  if (rl && isBudgetLow(rl)) due = Math.max(due, rl.resetAt + Math.floor(jitter * 5_000));
  return Math.max(1_000, due - now);
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
