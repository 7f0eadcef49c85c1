import type { Snapshot, VideoStatus } from '../../client/types.js';
import { estimateCost, snapshotCount } from '../../shared/cost.js';
import type { VideoTimeline } from './growth.js';
import { type Mills, SNAPSHOT_PRICE_MILLS, toUsd } from './money.js';
import { randomToken, seeded } from './prng.js';
import { HOUR_MS, isoSeconds } from './time.js';

/** One tracking of one video by one key. Everything else is derived from these fields and the clock. */
export interface Tracking {
  id: string;
  apiKey: string;
  /** Normalised link. */
  link: string;
  platform: 'tiktok';
  durationDays: number;
  /** ms, whole seconds. */
  createdAt: number;
  /** ms, set when stopped early. */
  stoppedAt: number | null;
  /** The public video: its counts are shared with every other tracking of the same link. */
  video: VideoTimeline;
  /** Seed of the snapshot ids. */
  seed: string;
  /** Snapshots already handed out as webhook events. */
  emittedSnapshots: number;
  completionEmitted: boolean;
}

/** The fields that decide a tracking's schedule, status and charges. */
export type TrackingTimes = Pick<Tracking, 'createdAt' | 'durationDays' | 'stoppedAt'>;

/** Creates a tracking of `video`; its numbers are the video's, read at the snapshot times. */
export function createTracking(input: {
  id: string;
  apiKey: string;
  link: string;
  durationDays: number;
  createdAt: number;
  seed: string;
  video: VideoTimeline;
}): Tracking {
  return {
    id: input.id,
    apiKey: input.apiKey,
    link: input.link,
    platform: 'tiktok',
    durationDays: input.durationDays,
    createdAt: input.createdAt,
    stoppedAt: null,
    video: input.video,
    seed: input.seed,
    emittedSnapshots: 0,
    completionEmitted: false,
  };
}

/**
 * Snapshot `index` (taken at `created_at + index h`): the video's counts at that time,
 * with ids deterministic from the seed, the tracking id and the index. A pure function,
 * so a snapshot handed out once is handed out the same later.
 */
export function snapshotAt(tracking: Tracking, index: number): Snapshot {
  const time = tracking.createdAt + index * HOUR_MS;
  const { views, likes, comments, shares, saves, provider } = tracking.video.countsAt(time);
  return {
    id: `snp_${randomToken(seeded(tracking.seed, 'snapshot', tracking.id, String(index)), 12)}`,
    snapshot_id: `${tracking.id}_${String(index).padStart(3, '0')}`,
    snapshot_time: isoSeconds(time),
    views,
    likes,
    comments,
    shares,
    saves,
    provider,
  };
}

/** Snapshots the whole tracking takes: `duration_days × 24`. */
export function plannedSnapshots(tracking: TrackingTimes): number {
  return snapshotCount(tracking.durationDays);
}

/** When the tracking completes (if not stopped): one hour after its last snapshot. */
export function scheduledEnd(tracking: TrackingTimes): number {
  return tracking.createdAt + plannedSnapshots(tracking) * HOUR_MS;
}

/**
 * Snapshots taken by `now`: snapshot k is taken at `created_at + k h` (snapshot 0 at
 * creation), up to the planned count, and none after a stop.
 */
export function takenSnapshots(tracking: TrackingTimes, now: number): number {
  const until = tracking.stoppedAt === null ? now : Math.min(now, tracking.stoppedAt);
  if (until < tracking.createdAt) return 0;
  return Math.min(plannedSnapshots(tracking), Math.floor((until - tracking.createdAt) / HOUR_MS) + 1);
}

/** `stopped` once stopped, `completed` from the scheduled end, `monitoring` before. */
export function trackingStatus(tracking: TrackingTimes, now: number): VideoStatus {
  if (tracking.stoppedAt !== null) return 'stopped';
  return now >= scheduledEnd(tracking) ? 'completed' : 'monitoring';
}

/**
 * When (simulated ms) the answer about a running tracking next changes: its next snapshot, or,
 * after the last one, its completion, which is one hour later too. `null` once it is finished.
 */
export function nextChangeAt(tracking: TrackingTimes, now: number): number | null {
  if (trackingStatus(tracking, now) !== 'monitoring') return null;
  return tracking.createdAt + takenSnapshots(tracking, now) * HOUR_MS;
}

/** Charged so far: only snapshots actually taken. */
export function chargedMills(tracking: Tracking, now: number): Mills {
  return takenSnapshots(tracking, now) * SNAPSHOT_PRICE_MILLS;
}

/** What a running tracking will still cost; 0 once it is not `monitoring`. */
export function reservedMills(tracking: Tracking, now: number): Mills {
  if (trackingStatus(tracking, now) !== 'monitoring') return 0;
  return (plannedSnapshots(tracking) - takenSnapshots(tracking, now)) * SNAPSHOT_PRICE_MILLS;
}

/** Snapshots taken so far, oldest first. */
export function snapshotsOf(tracking: Tracking, now: number): Snapshot[] {
  const taken = takenSnapshots(tracking, now);
  const out: Snapshot[] = [];
  for (let i = 0; i < taken; i++) out.push(snapshotAt(tracking, i));
  return out;
}

/** Wire form without snapshots: `ends_at` is the scheduled end, or `stopped_at` when stopped early. */
export function summaryOf(tracking: Tracking, now: number) {
  const taken = takenSnapshots(tracking, now);
  const end = tracking.stoppedAt ?? scheduledEnd(tracking);
  return {
    id: tracking.id,
    video_link: tracking.link,
    platform: tracking.platform,
    status: trackingStatus(tracking, now),
    duration_days: tracking.durationDays,
    estimated_cost: estimateCost(tracking.durationDays),
    cost_to_date: toUsd(chargedMills(tracking, now)),
    snapshot_count: taken,
    created_at: isoSeconds(tracking.createdAt),
    ends_at: isoSeconds(end),
    stopped_at: tracking.stoppedAt === null ? null : isoSeconds(tracking.stoppedAt),
  };
}
