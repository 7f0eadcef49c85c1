import { memo } from 'react';
import { axisLabel, axisLine, grid } from './chart.css.js';
import type { Geometry } from './geometry.js';
import type { Tick } from './timeTicks.js';

// rough advance width of an 11px label character (digits, Latin or Arabic letters)
const CHAR_WIDTH = 6.6;
const GAP = 8;

type Anchor = 'start' | 'middle' | 'end';

/** Labels near the plot's ends are anchored inwards, so they do not hang past it. */
function anchorOf(px: number, index: number, count: number, innerWidth: number): Anchor {
  if (count > 1 && index === count - 1 && px > innerWidth - 30) return 'end';
  return index === 0 && px < 30 ? 'start' : 'middle';
}

/**
 * Drops time labels that would touch the one before: longer words than expected (`٤ نوفمبر`,
 * `14. Nov.`) or a last label pulled inwards by its anchor would otherwise run into each other.
 */
function withoutOverlaps(
  ticks: readonly Tick[],
  x: (value: number) => number,
  innerWidth: number,
): { tick: Tick; anchor: Anchor }[] {
  const kept: { tick: Tick; anchor: Anchor }[] = [];
  let right = Number.NEGATIVE_INFINITY;
  ticks.forEach((t, i) => {
    const px = x(t.value);
    const width = t.label.length * CHAR_WIDTH;
    const anchor = anchorOf(px, i, ticks.length, innerWidth);
    const left = anchor === 'start' ? px : anchor === 'end' ? px - width : px - width / 2;
    if (left < right + GAP) return;
    kept.push({ tick: t, anchor });
    right = left + width;
  });
  return kept;
}

/** Grid lines, value labels on the left and time labels below the plot. */
export const ChartAxes = memo(function ChartAxes({ geometry }: { geometry: Geometry }) {
  const { x, y, xTicks, yTicks, innerWidth, innerHeight } = geometry;
  // labels that would run past the plot's ends are dropped rather than clipped
  const inside = xTicks.filter((t) => x(t.value) >= -4 && x(t.value) <= innerWidth + 4);
  const xLabels = withoutOverlaps(inside, x, innerWidth);
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
      {xLabels.map(({ tick: t, anchor }) => {
        const px = x(t.value);
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
