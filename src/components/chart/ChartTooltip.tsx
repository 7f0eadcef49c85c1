import type { Formatters } from '../internal/format.js';
import {
  swatch,
  tooltip,
  tooltipLabel,
  tooltipList,
  tooltipRow,
  tooltipTime,
  tooltipValue,
} from './chart.css.js';
import type { ChartMode, PlotPoint, PlotSeries } from './types.js';
import { exactText } from './values.js';

/** One row of the tooltip: a series and its point at the crosshair, if it has one there. */
export interface TooltipRow {
  series: PlotSeries;
  point: PlotPoint | undefined;
}

/** Props of {@link ChartTooltip}. */
export interface ChartTooltipProps {
  heading: string;
  rows: readonly TooltipRow[];
  mode: ChartMode;
  format: Formatters;
  notAvailable: string;
  /** Horizontal position of the crosshair inside the plot element, px. */
  left: number;
  /** Width of the plot element: the tooltip flips to the crosshair's left past the middle. */
  width: number;
}

/** Exact values of every visible series at the crosshair. */
export function ChartTooltip({ heading, rows, mode, format, notAvailable, left, width }: ChartTooltipProps) {
  const flip = left > width / 2;
  const position = flip ? { right: Math.max(0, width - left + 12) } : { left: left + 12 };
  return (
    <div className={tooltip} style={position} data-part="tooltip">
      <p className={tooltipTime}>{heading}</p>
      <ul className={tooltipList}>
        {rows.map(({ series, point }) => (
          <li key={series.id} className={tooltipRow} data-series={series.id}>
            <span className={swatch} style={{ background: series.color }} aria-hidden="true" />
            <span className={tooltipLabel}>{series.label}</span>
            <span className={tooltipValue} data-part="tooltip-value">
              {point ? exactText(point, mode, format) : notAvailable}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
