import type { MetricName, SnapshotPoint } from '../../metrics/series.js';

const HOUR = 3_600_000;

/** The summary figures of one metric. */
export interface Kpis {
  /** Latest exact total, or `null` when the provider does not report the metric. */
  total: bigint | null;
  /** Change from `base` to the latest point, exact; `null` with one point or a missing metric. */
  change: bigint | null;
  /** Hours the change covers (24 once a day of snapshots exists; fewer before). */
  changeHours: number;
}

/**
 * Latest total and the change over the last 24 hours, measured between snapshot times (the latest
 * snapshot and the last one at least 24 h before it), never against the viewer's clock. With less
 * than a day of snapshots, the change since the first one, and how many hours that covers.
 * `points` must be sorted by time and not empty.
 */
export function kpis(points: readonly SnapshotPoint[], metric: MetricName): Kpis {
  const latest = points[points.length - 1] as SnapshotPoint;
  const cutoff = latest.time - 24 * HOUR;
  let base: SnapshotPoint = points[0] as SnapshotPoint;
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i] as SnapshotPoint;
    if (point.time <= cutoff) {
      base = point;
      break;
    }
  }
  const total = latest.exact[metric];
  const from = base.exact[metric];
  const change = base === latest || total === null || from === null ? null : total - from;
  return {
    total,
    change,
    changeHours: Math.round((latest.time - base.time) / HOUR),
  };
}
