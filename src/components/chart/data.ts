import type { MetricName, SnapshotPoint } from '../../metrics/series.js';
import { seriesColors } from '../../theme/contract.css.js';
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

/** Drawable points of one series as arrays, and where each came from in the input. */
interface Columns {
  xs: Float64Array;
  values: Float64Array;
  /** Index in the input points of each drawable point. */
  source: Int32Array;
}

function columns(capacity: number) {
  const xs = new Float64Array(capacity);
  const values = new Float64Array(capacity);
  const source = new Int32Array(capacity);
  let count = 0;
  return {
    push(x: number, value: number, from: number) {
      xs[count] = x;
      values[count] = value;
      source[count++] = from;
    },
    done: (): Columns => ({
      xs: xs.subarray(0, count),
      values: values.subarray(0, count),
      source: source.subarray(0, count),
    }),
  };
}

function totals(points: readonly ChartPoint[], origin: number, unit: number): Columns {
  const out = columns(points.length);
  for (let j = 0; j < points.length; j++) {
    const p = points[j] as ChartPoint;
    if (p.value === null || !Number.isFinite(p.value)) continue;
    out.push((p.time - origin) / unit, p.value, j);
  }
  return out.done();
}

/** The change from `prev` to `p`: per hour, and exact when both counts are exact. */
function change(p: ChartPoint, prev: ChartPoint): { value: number; exact: bigint | null } {
  const hours = Math.max((p.time - prev.time) / HOUR, 1 / 60);
  const exactDiff =
    p.exact !== undefined && p.exact !== null && prev.exact !== undefined && prev.exact !== null
      ? p.exact - prev.exact
      : null;
  // subtract exactly first: two counts above 2^53 would lose their difference as doubles
  const value =
    (exactDiff !== null ? Number(exactDiff) : (p.value as number) - (prev.value as number)) / hours;
  // a change over exactly one hour is still an exact count
  return { value, exact: exactDiff !== null && hours === 1 ? exactDiff : null };
}

function perHour(points: readonly ChartPoint[], origin: number, unit: number): Columns {
  const out = columns(points.length);
  let prev: ChartPoint | undefined;
  for (let j = 0; j < points.length; j++) {
    const p = points[j] as ChartPoint;
    if (p.value === null || !Number.isFinite(p.value)) {
      prev = undefined;
      continue;
    }
    // `prev` is always the point just before: a gap resets it
    if (prev) out.push((p.time - origin) / unit, change(p, prev).value, j);
    prev = p;
  }
  return out.done();
}

/**
 * Turns the public series into drawable ones: mode, alignment and palette colors applied. The
 * points are kept as coordinate arrays; a point object is made only when one is asked for.
 */
export function toPlotSeries(
  series: readonly ChartSeries[],
  mode: ChartMode,
  align: ChartAlign,
): PlotSeries[] {
  return series.map((s, index) => {
    const origin = align === 'sinceStart' ? (s.start ?? s.points[0]?.time ?? 0) : 0;
    const unit = align === 'sinceStart' ? HOUR : 1;
    const input = s.points;
    const { xs, values, source } =
      mode === 'perHour' ? perHour(input, origin, unit) : totals(input, origin, unit);
    const point = (i: number): PlotPoint => {
      const j = source[i] as number;
      const p = input[j] as ChartPoint;
      const exact = mode === 'perHour' ? change(p, input[j - 1] as ChartPoint).exact : (p.exact ?? null);
      return { x: xs[i] as number, time: p.time, value: values[i] as number, exact };
    };
    return {
      id: s.id,
      label: s.label,
      index,
      color: seriesColors[index % seriesColors.length] as string,
      xs,
      values,
      point,
    };
  });
}

/** The points of a series at `indices` (ascending), or all of them. */
export function pointsOf(series: PlotSeries, indices?: readonly number[]): PlotPoint[] {
  const count = indices ? indices.length : series.xs.length;
  const out: PlotPoint[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = series.point(indices ? (indices[i] as number) : i);
  return out;
}

/** Index of the `x` nearest to `x` in an ascending array (the lower one on a tie); -1 when empty. */
export function nearestIndex(xs: Float64Array, x: number): number {
  if (xs.length === 0) return -1;
  const lo = firstAtLeast(xs, x);
  if (lo === xs.length) return lo - 1;
  if (lo > 0 && x - (xs[lo - 1] as number) <= (xs[lo] as number) - x) return lo - 1;
  return lo;
}

/** Index of the first `x` at least `x` in an ascending array; `length` when none. */
export function firstAtLeast(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
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
    for (const { xs } of series) {
      const found = xs[nearestIndex(xs, x)];
      if (found === undefined) continue;
      const d = Math.abs(found - x);
      const bestD = best === undefined ? Number.POSITIVE_INFINITY : Math.abs(best - x);
      if (d < bestD || (d === bestD && best !== undefined && found < best)) best = found;
    }
    return best;
  },
  /** The first stop at or after `x`; undefined when there is none. */
  atOrAfter(series: readonly PlotSeries[], x: number): number | undefined {
    let best: number | undefined;
    for (const { xs } of series) {
      const found = xs[firstAtLeast(xs, x)];
      if (found !== undefined && (best === undefined || found < best)) best = found;
    }
    return best;
  },
  /** The last stop at or before `x`; undefined when there is none. */
  atOrBefore(series: readonly PlotSeries[], x: number): number | undefined {
    let best: number | undefined;
    for (const { xs } of series) {
      let i = firstAtLeast(xs, x);
      if (xs[i] !== x) i--;
      const found = xs[i];
      if (found !== undefined && (best === undefined || found > best)) best = found;
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
