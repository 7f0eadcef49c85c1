import { type Freshness, isFinishedStatus } from '../client/freshness.js';
import type { RateLimit, Video, VideoSummary } from '../client/types.js';

/** A cached video: the wire video plus, when it came from the API, how long it stays current. */
export type VideoData = Video & {
  /** From the response that brought it; absent on data seeded locally (after a track) or persisted by an older version. */
  freshness?: Freshness | undefined;
};

/** Least time between two polls when the server gives no usable deadline (overdue or unknown snapshot). */
export const MIN_POLL_MS = 60_000;
/** How long after a snapshot can exist it is fetched: it may land a little late. */
export const SNAPSHOT_GRACE_MS = 10_000;
/** Spread of viewers' polls after each snapshot, so they do not all arrive at once. */
export const SNAPSHOT_JITTER_MS = 20_000;
/** Grace and jitter together stay under this share of the time between two snapshots (an accelerated API has short hours). */
const SPREAD_SHARE = 0.05;
/** Never two polls closer than this, whatever the server says. */
const MIN_REFETCH_MS = 1_000;

/** `true` once a tracking can get no more snapshots. */
export function isFinished(video: Pick<VideoSummary, 'status'>): boolean {
  return isFinishedStatus(video.status);
}

/** Options of {@link refetchDelay}. */
export interface RefetchDelayOptions {
  now?: number;
  /** When the video was last fetched (ms, this machine's clock). */
  fetchedAt?: number;
  /** A number in [0, 1) for the jitter; by default derived from the video and its freshness. */
  random?: number;
  /** Latest rate-limit state: when the budget is low, polls wait for the reset. */
  rateLimit?: RateLimit | null;
  /** Failed fetches in a row: each doubles the wait after the last attempt (up to 30 min). */
  failures?: number;
}

/** Longest wait between polls after repeated failures. */
export const MAX_FAILURE_BACKOFF_MS = 30 * 60_000;

/** The wait after `failures` failed fetches in a row (> 0): doubling from {@link MIN_POLL_MS}, at most 30 min. */
export function failureBackoff(failures: number): number {
  return Math.min(MAX_FAILURE_BACKOFF_MS, MIN_POLL_MS * 2 ** (failures - 1));
}

/** A stable number in [0, 1) per key, so recomputing a schedule never moves it. */
function stableJitter(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/**
 * When the next fetch of a video is due (ms, this machine's clock), or `false` once it is finished.
 * Just after the server's deadline for the next snapshot, plus a little grace and jitter, scaled
 * down when snapshots come fast; stable when recomputed (observers recompute it on every update).
 */
export function nextFetchAt(video: VideoData, options: RefetchDelayOptions = {}): number | false {
  if (isFinished(video)) return false;
  const freshness = video.freshness;
  const now = options.now ?? Date.now();
  const fetchedAt = options.fetchedAt ?? freshness?.receivedAt ?? now;
  const expiresAt = freshness?.expiresAt ?? null;
  const jitter = options.random ?? stableJitter(`${video.id}@${expiresAt ?? 'none'}`);
  let due: number;
  if (!freshness || expiresAt === null) {
    // no deadline from the server (locally seeded data, or a tracking about to end): poll gently
    due = fetchedAt + (freshness ? 5 : 1) * MIN_POLL_MS;
  } else if (expiresAt <= freshness.receivedAt) {
    // the server already expected a snapshot that has not landed: ask again, gently
    due = fetchedAt + MIN_POLL_MS;
  } else {
    const window = expiresAt - freshness.receivedAt;
    const cap = window * SPREAD_SHARE;
    const spread = Math.min(SNAPSHOT_GRACE_MS + jitter * SNAPSHOT_JITTER_MS, cap * (0.5 + 0.5 * jitter));
    due = expiresAt + Math.floor(spread);
  }
  const failures = options.failures ?? 0;
  const floor = failures > 0 ? failureBackoff(failures) : MIN_REFETCH_MS;
  due = Math.max(due, fetchedAt + floor);
  const rl = options.rateLimit;
  if (rl && isBudgetLow(rl)) due = Math.max(due, rl.resetAt + Math.floor(jitter * 5_000));
  return due;
}

/**
 * How long to wait before refetching a video (see {@link nextFetchAt}); `false` once it is
 * finished (no more polling).
 */
export function refetchDelay(video: VideoData, options: RefetchDelayOptions = {}): number | false {
  const now = options.now ?? Date.now();
  const due = nextFetchAt(video, { ...options, now });
  if (due === false) return false;
  return Math.max(MIN_REFETCH_MS, due - now);
}

/** `true` when a refetch now could eat the last requests of the window. */
export function isBudgetLow(rateLimit: RateLimit): boolean {
  return rateLimit.remaining <= Math.max(2, Math.floor(rateLimit.limit * 0.1));
}

/**
 * How long fetched video data stays fresh, measured from when it was fetched (query-core's rule):
 * until the server's deadline for the next snapshot, forever once the tracking is finished, and
 * not at all when no deadline is known.
 */
export function videoStaleTime(video: VideoData | undefined, dataUpdatedAt: number): number {
  if (!video) return 0;
  if (isFinished(video)) return Number.POSITIVE_INFINITY;
  const expiresAt = video.freshness?.expiresAt;
  if (expiresAt === undefined || expiresAt === null) return 0;
  return Math.max(0, expiresAt - dataUpdatedAt);
}
