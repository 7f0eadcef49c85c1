import type { QueryObserverResult } from '@tanstack/query-core';
import type { ContentStatsError } from '../client/errors.js';
import type { Snapshot } from '../client/types.js';
import {
  engagementRate,
  type SnapshotDelta,
  type SnapshotPoint,
  toDeltas,
  toPoints,
} from '../metrics/series.js';
import type { VideoData } from '../query/schedule.js';
import { useVideoQuery } from './internal/useVideoQuery.js';

/** Snapshots of a video, as exact counts and numbers, with derived series. */
export interface SnapshotsData {
  video: VideoData;
  /** Points ascending by time: numbers for charts, `exact` bigints for display. */
  points: SnapshotPoint<Snapshot>[];
  /** Per-hour change and views growth rate between consecutive snapshots. */
  deltas: SnapshotDelta[];
  /** Engagement rate of each point ((likes+comments+shares+saves)/views), aligned with `points`. */
  engagement: Array<number | null>;
  /** The latest point, or `undefined` before the first snapshot. */
  latest: SnapshotPoint<Snapshot> | undefined;
  /**
   * When the next snapshot can exist, in ms on this machine's clock (from the server's
   * `Cache-Control: max-age`, so a countdown against `Date.now()` is right); `null` once the
   * tracking is finished or before the API has answered.
   */
  nextSnapshotAt: number | null;
}

/** Result of {@link useSnapshots}. */
export type UseSnapshotsResult = QueryObserverResult<SnapshotsData, ContentStatsError>;

// module-level so query-core memoises the selection per fetched video
function selectSnapshots(video: VideoData): SnapshotsData {
  const points = toPoints(video.snapshots);
  return {
    video,
    points,
    deltas: toDeltas(points),
    engagement: points.map(engagementRate),
    latest: points[points.length - 1],
    nextSnapshotAt: video.freshness?.expiresAt ?? null,
  };
}

/**
 * Snapshots of a tracked video with derived series (per-hour change, growth rate, engagement
 * rate) and `nextSnapshotAt`. Shares one request and one cache entry with `useVideo(id)`.
 */
export function useSnapshots(id: string): UseSnapshotsResult {
  return useVideoQuery('useSnapshots', id, selectSnapshots);
}
