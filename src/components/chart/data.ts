import type { MetricName, SnapshotPoint } from '../../metrics/series.js';
import { seriesColors } from '../../theme/contract.css.js';
import { rememberCoordinates } from './coordinates.js';
import type { ChartAlign, ChartMode, ChartPoint, ChartSeries, PlotPoint, PlotSeries } from './types.js';

const HOUR = 3_600_000;

/**
 * A chart series of one metric from snapshot points (as `useSnapshots(id).data.points` gives
 * them). Missing values (`shares`/`saves` not reported) become gaps.
 */
export function seriesFromPoints(
  points: readonly SnapshotPoint[],
  metric: MetricName,
  options: { id: string; label: string; start?: number | undefined },
): ChartSeries {
  const chartPoints: ChartPoint[] = points.map((p) => ({
    time: p.time,
    value: p[metric],
    exact: p.exact[metric],
  }));
  return {
    id: options.id,
    label: options.label,
    points: chartPoints,
    ...(options.start !== undefined ? { start: options.start } : {}),
  };
}

/** Collects plot points and their coordinates together: one pass over a long series, not two. */
function collector(capacity: number) {
  const points: PlotPoint[] = [];
  const xs = new Float64Array(capacity);
  const values = new Float64Array(capacity);
  return {
    push(point: PlotPoint) {
      xs[points.length] = point.x;
      values[points.length] = point.value;
      points.push(point);
    },
    done(): PlotPoint[] {
      rememberCoordinates(points, {
        xs: xs.subarray(0, points.length),
        values: values.subarray(0, points.length),
      });
      return points;
    },
  };
}

function totals(points: readonly ChartPoint[], origin: number, unit: number): PlotPoint[] {
  const out = collector(points.length);
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) continue;
    out.push({ x: (p.time - origin) / unit, time: p.time, value: p.value, exact: p.exact ?? null });
  }
  return out.done();
}

function perHour(points: readonly ChartPoint[], origin: number, unit: number): PlotPoint[] {
  const out = collector(points.length);
  let prev: ChartPoint | undefined;
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) {
      prev = undefined;
      continue;
    }
    if (prev && prev.value !== null) {
      const hours = Math.max((p.time - prev.time) / HOUR, 1 / 60);
      const exactDiff =
        p.exact !== undefined && p.exact !== null && prev.exact !== undefined && prev.exact !== null
          ? p.exact - prev.exact
          : null;
      // subtract exactly first: two counts above 2^53 would lose their difference as doubles
      const value = (exactDiff !== null ? Number(exactDiff) : p.value - prev.value) / hours;
      out.push({
        x: (p.time - origin) / unit,
        time: p.time,
        value,
        // a change over exactly one hour is still an exact count
        exact: exactDiff !== null && hours === 1 ? exactDiff : null,
      });
    }
    prev = p;
  }
  return out.done();
}

/** Turns the public series into drawable ones: mode, alignment and palette colors applied. */
export function toPlotSeries(
  series: readonly ChartSeries[],
  mode: ChartMode,
  align: ChartAlign,
): PlotSeries[] {
  return series.map((s, index) => {
    const origin = align === 'sinceStart' ? (s.start ?? s.points[0]?.time ?? 0) : 0;
    const unit = align === 'sinceStart' ? HOUR : 1;
    return {
      id: s.id,
      label: s.label,
      index,
      color: seriesColors[index % seriesColors.length] as string,
      points: mode === 'perHour' ? perHour(s.points, origin, unit) : totals(s.points, origin, unit),
    };
  });
}

/** Index of the point whose `x` is nearest to `x` (points ascending by `x`); -1 when empty. */
export function nearestIndex(points: readonly PlotPoint[], x: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as PlotPoint).x < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && x - (points[lo - 1] as PlotPoint).x <= (points[lo] as PlotPoint).x - x) return lo - 1;
  return lo;
}

/** Index of the first point whose `x` is at least `x` (points ascending by `x`); `length` when none. */
export function firstAtLeast(points: readonly PlotPoint[], x: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as PlotPoint).x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The crosshair's stops are every distinct `x` of the series. They are found by a binary search
 * in each series when asked for, never listed: listing them sorted a million values on mount.
 */
export const stops = {
  /** The stop nearest to `x` (the lower one on a tie); undefined without points. */
  nearest(series: readonly PlotSeries[], x: number): number | undefined {
    let best: number | undefined;
    for (const s of series) {
      const point = s.points[nearestIndex(s.points, x)];
      if (!point) continue;
      const d = Math.abs(point.x - x);
      const bestD = best === undefined ? Number.POSITIVE_INFINITY : Math.abs(best - x);
      if (d < bestD || (d === bestD && best !== undefined && point.x < best)) best = point.x;
    }
    return best;
  },
  /** The first stop at or after `x`; undefined when there is none. */
  atOrAfter(series: readonly PlotSeries[], x: number): number | undefined {
    let best: number | undefined;
    for (const s of series) {
      const point = s.points[firstAtLeast(s.points, x)];
      if (point && (best === undefined || point.x < best)) best = point.x;
    }
    return best;
  },
  /** The last stop at or before `x`; undefined when there is none. */
  atOrBefore(series: readonly PlotSeries[], x: number): number | undefined {
    let best: number | undefined;
    for (const s of series) {
      let i = firstAtLeast(s.points, x);
      if ((s.points[i] as PlotPoint | undefined)?.x !== x) i--;
      const point = s.points[i];
      if (point && (best === undefined || point.x > best)) best = point.x;
    }
    return best;
  },
  first(series: readonly PlotSeries[]): number | undefined {
    return stops.atOrAfter(series, Number.NEGATIVE_INFINITY);
  },
  last(series: readonly PlotSeries[]): number | undefined {
    return stops.atOrBefore(series, Number.POSITIVE_INFINITY);
  },
};
