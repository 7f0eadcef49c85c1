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

/** Exact value of a count that `countToNumber` already checked and read as `n`. */
function exactCount(value: string | null, n: number | null): bigint | null {
  if (value === null || n === null) return null;
  // a safe integer converts exactly, and BigInt of a number is much cheaper than of a string
  return Number.isSafeInteger(n) ? BigInt(n) : parseCount(value);
}

/** Turns snapshots (any order) into points sorted by time. */
export function toPoints<TSnapshot extends SnapshotCounts>(
  snapshots: readonly TSnapshot[],
): SnapshotPoint<TSnapshot>[] {
  const points: SnapshotPoint<TSnapshot>[] = new Array(snapshots.length);
  let sorted = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < snapshots.length; i++) {
    const snapshot = snapshots[i] as TSnapshot;
    const views = countToNumber(snapshot.views);
    const likes = countToNumber(snapshot.likes);
    const comments = countToNumber(snapshot.comments);
    const shares = countToNumber(snapshot.shares);
    const saves = countToNumber(snapshot.saves);
    const time = Date.parse(snapshot.snapshot_time);
    points[i] = {
      time,
      views,
      likes,
      comments,
      shares,
      saves,
      exact: {
        views: exactCount(snapshot.views, views) as bigint,
        likes: exactCount(snapshot.likes, likes) as bigint,
        comments: exactCount(snapshot.comments, comments) as bigint,
        shares: exactCount(snapshot.shares, shares),
        saves: exactCount(snapshot.saves, saves),
      },
      snapshot,
    };
    // NaN times fail the test too, and then sort as they always did
    if (!(time >= previous)) sorted = false;
    previous = time;
  }
  // decoded bodies arrive sorted: sorting them again only costs time
  return sorted ? points : points.sort((a, b) => a.time - b.time);
}

const HOUR = 3_600_000;

/**
 * Per-hour change of one metric. Two safe integers subtract exactly as numbers; above 2^53 the
 * counts are subtracted as `bigint` first, since two rounded doubles would lose the difference.
 */
function perHourChange(
  a: number | null,
  b: number | null,
  exactA: bigint | null,
  exactB: bigint | null,
  hours: number,
): number | null {
  if (exactA === null || exactB === null) return null;
  if (a !== null && b !== null && Number.isSafeInteger(a) && Number.isSafeInteger(b)) return (b - a) / hours;
  return Number(exactB - exactA) / hours;
}

/** Per-hour change between consecutive points, plus views growth rate. */
export function toDeltas(points: readonly SnapshotPoint[]): SnapshotDelta[] {
  const deltas: SnapshotDelta[] = new Array(Math.max(points.length - 1, 0));
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1] as SnapshotPoint;
    const cur = points[i] as SnapshotPoint;
    const hours = Math.max((cur.time - prev.time) / HOUR, 1 / 60);
    const p = prev.exact;
    const c = cur.exact;
    // one object literal, not keys assigned in a loop: every delta then shares one shape
    const perHour: Record<MetricName, number | null> = {
      views: perHourChange(prev.views, cur.views, p.views, c.views, hours),
      likes: perHourChange(prev.likes, cur.likes, p.likes, c.likes, hours),
      comments: perHourChange(prev.comments, cur.comments, p.comments, c.comments, hours),
      shares: perHourChange(prev.shares, cur.shares, p.shares, c.shares, hours),
      saves: perHourChange(prev.saves, cur.saves, p.saves, c.saves, hours),
    };
    deltas[i - 1] = {
      time: cur.time,
      hours,
      perHour,
      growthRate: prev.views > 0 && perHour.views !== null ? perHour.views / prev.views : null,
    };
  }
  return deltas;
}

/**
 * Engagement rate of a snapshot: (likes + comments + shares + saves) / views, counting
 * only what the provider reported. `null` with zero views.
 */
export function engagementRate(point: SnapshotPoint): number | null {
  if (point.exact.views === null || point.exact.views === 0n) return null;
  // in bigint: a double fast path for small counts (same answer) saved ~0.1x of JSON.parse in
  // bench/parse.ts and cost the embed 77 B gzip
  let engaged = 0n;
  for (const metric of ['likes', 'comments', 'shares', 'saves'] as const)
    engaged += point.exact[metric] ?? 0n;
  // scale before dividing so the ratio keeps precision for counts above 2^53
  return Number((engaged * 1_000_000n) / point.exact.views) / 1_000_000;
}
