import { memo } from 'react';
import { axisLabel, axisLine, grid } from './chart.css.js';
import type { Geometry } from './geometry.js';

/** Grid lines, value labels on the left and time labels below the plot. */
export const ChartAxes = memo(function ChartAxes({ geometry }: { geometry: Geometry }) {
  const { x, y, xTicks, yTicks, innerWidth, innerHeight } = geometry;
  // labels that would run past the plot's ends are dropped rather than clipped
  const xLabels = xTicks.filter((t) => x(t.value) >= -4 && x(t.value) <= innerWidth + 4);
  return (
    <g data-part="axes">
      {yTicks.map((t) => {
        const py = Math.round(y(t.value)) + 0.5;
        return (
          <g key={`y${t.value}`}>
            <line className={grid} x1={0} x2={innerWidth} y1={py} y2={py} />
            <text className={axisLabel} x={-8} y={py} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        );
      })}
      <line className={axisLine} x1={0} x2={innerWidth} y1={innerHeight + 0.5} y2={innerHeight + 0.5} />
      {xLabels.map((t, i) => {
        const px = x(t.value);
        const last = xLabels.length > 1 && i === xLabels.length - 1 && px > innerWidth - 30;
        const anchor = last ? 'end' : i === 0 && px < 30 ? 'start' : 'middle';
        return (
          <g key={`x${t.value}`}>
            <line className={axisLine} x1={px} x2={px} y1={innerHeight} y2={innerHeight + 4} />
            <text className={axisLabel} x={px} y={innerHeight + 16} textAnchor={anchor}>
              {t.label}
            </text>
          </g>
        );
      })}
    </g>
  );
});
