import { LinePath } from '@visx/shape';
import { memo } from 'react';
import { line } from './chart.css.js';
import type { Geometry } from './geometry.js';
import type { PlotPoint, PlotSeries } from './types.js';

/** Props of {@link ChartLines}. */
export interface ChartLinesProps {
  series: readonly PlotSeries[];
  geometry: Geometry;
}

/**
 * One path per visible series. Memoised apart from the crosshair so hovering never rebuilds
 * the paths (building them is the expensive part of a frame).
 */
export const ChartLines = memo(function ChartLines({ series, geometry }: ChartLinesProps) {
  const { x, y, sampled } = geometry;
  return (
    <g data-part="lines">
      {series.map((s, i) => (
        <LinePath<PlotPoint>
          key={s.id}
          data={sampled[i] ?? []}
          x={(p) => x(p.x)}
          y={(p) => y(p.value)}
          className={line}
          // CSS custom properties resolve in `style`, not in presentation attributes
          style={{ stroke: s.color }}
          data-series={s.id}
          data-points={sampled[i]?.length ?? 0}
        />
      ))}
    </g>
  );
});
