import { countToNumber, parseCount } from './counts.js';

/** What the metrics helpers read from a snapshot (the client's `Snapshot` fits). */
export interface SnapshotCounts {
  snapshot_time: string;
  views: string;
  likes: string;
  comments: string;
  shares: string | null;
  saves: string | null;
}

/** The metrics every snapshot carries. */
export type MetricName = 'views' | 'likes' | 'comments' | 'shares' | 'saves';

/** All metric names, in display order. */
export const METRICS: readonly MetricName[] = ['views', 'likes', 'comments', 'shares', 'saves'];

/** One snapshot as numbers for charts, with the exact counts kept beside them. */
export interface SnapshotPoint<TSnapshot extends SnapshotCounts = SnapshotCounts> {
  /** Snapshot time in ms since epoch. */
  time: number;
  views: number;
  likes: number;
  comments: number;
  /** `null` when the provider did not report it. */
  shares: number | null;
  saves: number | null;
  /** Exact counts (`bigint`), for display on hover and for sums above 2^53. */
  exact: Record<MetricName, bigint | null>;
  snapshot: TSnapshot;
}

/** Change between two consecutive snapshots, normalised to one hour (gaps are spread evenly). */
export interface SnapshotDelta {
  /** Time of the later snapshot (ms). */
  time: number;
  /** Hours between the two snapshots. */
  hours: number;
  /** Per-hour change of each metric; `null` where either side lacks the metric. */
  perHour: Record<MetricName, number | null>;
  /** Views growth per hour as a fraction of the earlier views (0.05 = +5 %/h); `null` from zero views. */
  growthRate: number | null;
}

/** Turns snapshots (any order) into points sorted by time. */
export function toPoints<TSnapshot extends SnapshotCounts>(
  snapshots: readonly TSnapshot[],
): SnapshotPoint<TSnapshot>[] {
  return snapshots
    .map((snapshot) => ({
      time: Date.parse(snapshot.snapshot_time),
      views: countToNumber(snapshot.views),
      likes: countToNumber(snapshot.likes),
      comments: countToNumber(snapshot.comments),
      shares: countToNumber(snapshot.shares),
      saves: countToNumber(snapshot.saves),
      exact: {
        views: parseCount(snapshot.views),
        likes: parseCount(snapshot.likes),
        comments: parseCount(snapshot.comments),
        shares: parseCount(snapshot.shares),
        saves: parseCount(snapshot.saves),
      },
      snapshot,
    }))
    .sort((a, b) => a.time - b.time);
}

const HOUR = 3_600_000;

function perHourChange(a: bigint | null, b: bigint | null, hours: number): number | null {
  if (a === null || b === null) return null;
  // subtract exactly first: two counts above 2^53 would lose the difference as doubles
  return Number(b - a) / hours;
}

/** Per-hour change between consecutive points, plus views growth rate. */
export function toDeltas(points: readonly SnapshotPoint[]): SnapshotDelta[] {
  const deltas: SnapshotDelta[] = [];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1] as SnapshotPoint;
    const cur = points[i] as SnapshotPoint;
    const hours = Math.max((cur.time - prev.time) / HOUR, 1 / 60);
    const perHour = {} as Record<MetricName, number | null>;
    for (const metric of METRICS)
      perHour[metric] = perHourChange(prev.exact[metric], cur.exact[metric], hours);
    deltas.push({
      time: cur.time,
      hours,
      perHour,
      growthRate: prev.views > 0 && perHour.views !== null ? perHour.views / prev.views : null,
    });
  }
  return deltas;
}

/**
 * Engagement rate of a snapshot: (likes + comments + shares + saves) / views, counting
 * only what the provider reported. `null` with zero views.
 */
export function engagementRate(point: SnapshotPoint): number | null {
  if (point.exact.views === null || point.exact.views === 0n) return null;
  let engaged = 0n;
  for (const metric of ['likes', 'comments', 'shares', 'saves'] as const)
    engaged += point.exact[metric] ?? 0n;
  // scale before dividing so the ratio keeps precision for counts above 2^53
  return Number((engaged * 1_000_000n) / point.exact.views) / 1_000_000;
}
