import { memo } from 'react';
import { downsampleLttbIndices } from '../../metrics/downsample.js';
import type { Formatters } from '../internal/format.js';
import { visuallyHidden } from '../internal/root.css.js';
import { pointsOf } from './data.js';
import { formatHoursSinceStart } from './timeTicks.js';
import type { ChartAlign, ChartMode, PlotPoint, PlotSeries } from './types.js';
import { exactText } from './values.js';

/**
 * Rows the hidden table renders at most: 20 videos × 90 days would be 43,200 rows in the DOM,
 * slow to render and no help to anyone listening to them.
 */
export const MAX_TABLE_ROWS = 1000;

// a long series' sample is kept: the table renders again when a series is toggled, and the
// sample of a million points need not be taken again
const sampledRows = new WeakMap<PlotSeries, { share: number; rows: PlotPoint[] }>();

function tableRows(series: PlotSeries, share: number): PlotPoint[] {
  const cached = sampledRows.get(series);
  if (cached?.share === share) return cached.rows;
  const rows = pointsOf(series, downsampleLttbIndices(series.xs, series.values, share));
  sampledRows.set(series, { share, rows });
  return rows;
}

/** Props of {@link ChartTable}. */
export interface ChartTableProps {
  series: readonly PlotSeries[];
  mode: ChartMode;
  align: ChartAlign;
  format: Formatters;
  caption: string;
  seriesHeader: string;
  timeHeader: string;
  valueHeader: string;
  sampledNote: (shown: string, total: string) => string;
}

/**
 * The chart's data as a visually hidden table for screen readers: one row per point of each
 * visible series, exact values. Very long series are sampled (extremes kept) and the caption says so.
 */
export const ChartTable = memo(function ChartTable(props: ChartTableProps) {
  const { series, mode, align, format } = props;
  const total = series.reduce((n, s) => n + s.xs.length, 0);
  const share = Math.max(4, Math.floor(MAX_TABLE_ROWS / Math.max(1, series.length)));
  const rows = series.map((s) => (total > MAX_TABLE_ROWS ? tableRows(s, share) : pointsOf(s)));
  const shown = rows.reduce((n, r) => n + r.length, 0);
  return (
    // the wrapper hides it: clipping is unreliable on a table box itself
    <div className={visuallyHidden}>
      <table data-part="table">
        <caption>
          {props.caption}
          {shown < total ? ` ${props.sampledNote(format.number(shown), format.number(total))}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{props.seriesHeader}</th>
            <th scope="col">{props.timeHeader}</th>
            <th scope="col">{props.valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s, i) =>
            (rows[i] ?? []).map((p) => (
              <tr key={`${s.id}:${p.time}`}>
                <th scope="row">{s.label}</th>
                <td>
                  {align === 'time' ? format.dateTime(p.time) : formatHoursSinceStart(p.x, format.locale)}
                </td>
                <td>{exactText(p, mode, format)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
});
