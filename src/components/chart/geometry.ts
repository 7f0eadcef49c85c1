import { downsampleLttbIndices } from '../../metrics/downsample.js';
import { pointsOf } from './data.js';
import {
  linearScale,
  linearTicks,
  logDomain,
  logScale,
  logTicks,
  niceLinearDomain,
  type Scale,
} from './scales.js';
import { tickLabels } from './tickLabels.js';
import { hourTicks, type Tick, timeTicks } from './timeTicks.js';
import type { ChartAlign, ChartScale, PlotPoint, PlotSeries } from './types.js';

/** Space around the plot area, in px. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Everything the plot needs to draw, derived from the visible series and the size. */
export interface Geometry {
  margin: Margin;
  innerWidth: number;
  innerHeight: number;
  x: Scale;
  y: Scale;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Per visible series, the points to draw: at most one per horizontal pixel. */
  sampled: PlotPoint[][];
}

const HOUR = 3_600_000;
// rough advance width of an 11px tabular digit: left margin fits the longest value label
const CHAR_WIDTH = 6.6;

/** Scales, ticks and downsampled points for the visible series at this size. */
export function computeGeometry(options: {
  series: readonly PlotSeries[];
  width: number;
  height: number;
  scale: ChartScale;
  align: ChartAlign;
  locale: string | undefined;
}): Geometry {
  const { series, width, height, scale, align, locale } = options;
  let xMin = Number.POSITIVE_INFINITY;
  let xMax = Number.NEGATIVE_INFINITY;
  let yMin = Number.POSITIVE_INFINITY;
  let yMax = Number.NEGATIVE_INFINITY;
  let yMinPositive = Number.POSITIVE_INFINITY;
  for (const s of series) {
    const { xs, values } = s;
    if (xs.length > 0) {
      xMin = Math.min(xMin, xs[0] as number);
      xMax = Math.max(xMax, xs[xs.length - 1] as number);
    }
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v < yMin) yMin = v;
      if (v > yMax) yMax = v;
      if (v > 0 && v < yMinPositive) yMinPositive = v;
    }
  }
  if (!Number.isFinite(xMin)) {
    xMin = 0;
    xMax = 1;
  }
  if (xMin === xMax) {
    // one snapshot: an hour either side so it sits in the middle
    const pad = align === 'sinceStart' ? 1 : HOUR;
    xMin -= pad;
    xMax += pad;
  }
  if (!Number.isFinite(yMin)) {
    yMin = 0;
    yMax = 1;
  }

  const top = 12;
  const bottom = 28;
  const innerHeight = Math.max(20, height - top - bottom);
  const yCount = Math.max(2, Math.round(innerHeight / 48));
  const yDomain = scale === 'log' ? logDomain(yMinPositive, yMax) : niceLinearDomain(yMin, yMax, yCount);
  const yValues = scale === 'log' ? logTicks(yDomain, yCount) : linearTicks(yDomain[0], yDomain[1], yCount);
  const yLabels = tickLabels(yValues, locale);
  const yTicks = yValues.map((value, i) => ({ value, label: yLabels[i] ?? '' }));
  const longest = yTicks.reduce((n, t) => Math.max(n, t.label.length), 1);
  const margin: Margin = { top, right: 16, bottom, left: Math.ceil(longest * CHAR_WIDTH) + 14 };
  const innerWidth = Math.max(20, width - margin.left - margin.right);

  const x = linearScale([xMin, xMax], [0, innerWidth]);
  const y = (scale === 'log' ? logScale : linearScale)(yDomain, [innerHeight, 0]);
  // a short date or hour label is ~40 px: one per 70 px leaves air between them
  const xCount = Math.max(2, Math.floor(innerWidth / 70));
  const xTicks =
    align === 'sinceStart' ? hourTicks(xMin, xMax, xCount, locale) : timeTicks(xMin, xMax, xCount, locale);

  // one point per horizontal pixel is all a line can show; LTTB keeps its shape and extremes
  const target = Math.max(4, Math.floor(innerWidth));
  const floor = yDomain[0];
  const sampled = series.map((s) => {
    const { xs, values } = s;
    if (values.length <= target) return pointsOf(s);
    let ys = values;
    if (scale === 'log') {
      ys = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) ys[i] = Math.log10(Math.max(values[i] as number, floor));
    }
    return pointsOf(s, downsampleLttbIndices(xs, ys, target));
  });

  return { margin, innerWidth, innerHeight, x, y, xTicks, yTicks, sampled };
}
