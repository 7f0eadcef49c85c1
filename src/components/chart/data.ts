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

function totals(points: readonly ChartPoint[], origin: number, unit: number): PlotPoint[] {
  const out: PlotPoint[] = [];
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) continue;
    out.push({ x: (p.time - origin) / unit, time: p.time, value: p.value, exact: p.exact ?? null });
  }
  return out;
}

function perHour(points: readonly ChartPoint[], origin: number, unit: number): PlotPoint[] {
  const out: PlotPoint[] = [];
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
  return out;
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

/** Every distinct `x` of the given series, ascending: the stops of the keyboard crosshair. */
export function unionXs(series: readonly PlotSeries[]): number[] {
  let total = 0;
  for (const s of series) total += s.points.length;
  const all = new Float64Array(total);
  let i = 0;
  for (const s of series) for (const p of s.points) all[i++] = p.x;
  // a typed array sorts numerically without a comparator: several times faster at 40,000 points
  all.sort();
  const out: number[] = [];
  for (const x of all) if (out[out.length - 1] !== x) out.push(x);
  return out;
}
