/** One measurement of a chart series: a cumulative total at a time. */
export interface ChartPoint {
  /** Time of the measurement, ms since epoch. */
  time: number;
  /** The total as a number (for drawing); `null` where it was not reported (a gap). */
  value: number | null;
  /** The exact total, shown in the tooltip and table; counts above 2^53 stay exact. */
  exact?: bigint | null;
}

/** One line of a chart. */
export interface ChartSeries {
  /** Stable id: keeps the series' color and legend state when data updates. */
  id: string;
  /** Name in the legend, tooltip and table. */
  label: string;
  /** Cumulative totals ascending by time. The chart derives per-hour change itself. */
  points: readonly ChartPoint[];
  /**
   * When tracking began (ms), the origin of `align="sinceStart"`.
   * @defaultValue the time of the first point
   */
  start?: number;
}

/** `total`: cumulative counts; `perHour`: change per hour between consecutive snapshots. */
export type ChartMode = 'total' | 'perHour';
/** Value axis scale; `log` draws zero and negative values on the axis floor. */
export type ChartScale = 'linear' | 'log';
/** `time`: real time in the viewer's time zone; `sinceStart`: hours since each series' start. */
export type ChartAlign = 'time' | 'sinceStart';

/** A point as drawn: `x` is ms (time) or hours since start; `value` is finite. @internal */
export interface PlotPoint {
  x: number;
  /** Time of the snapshot, ms (for the table and tooltip). */
  time: number;
  value: number;
  /** Exact value when it is known exactly (totals, and hourly changes between exact counts). */
  exact: bigint | null;
}

/**
 * A series ready to draw: its drawable points (finite values, ascending `x`) as coordinate
 * arrays. A point object is made only when asked for, so a series of a million snapshots holds
 * none per point: only those drawn, shown in the tooltip or listed in the table are made.
 * @internal
 */
export interface PlotSeries {
  id: string;
  label: string;
  color: string;
  /** Index in the palette and legend. */
  index: number;
  /** `x` of each drawable point, ascending. */
  xs: Float64Array;
  /** `value` of each drawable point. */
  values: Float64Array;
  /** The drawable point at `i`, 0 ≤ i < `xs.length` (a new object each call). */
  point(i: number): PlotPoint;
}
