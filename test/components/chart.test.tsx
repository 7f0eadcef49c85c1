// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChartSeries } from '../../src/components/chart/types';
import { SnapshotChartView } from '../../src/components/SnapshotChartView';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 10, 0);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Hourly cumulative totals from `start`: value(i) for i in 0..count-1. */
function series(
  id: string,
  count: number,
  value: (i: number) => bigint,
  start = T0,
  label = id.toUpperCase(),
): ChartSeries {
  return {
    id,
    label,
    points: Array.from({ length: count }, (_, i) => {
      const exact = value(i);
      return { time: start + i * HOUR, value: Number(exact), exact };
    }),
  };
}

function paths(container: HTMLElement): SVGPathElement[] {
  return [...container.querySelectorAll<SVGPathElement>('[data-part="lines"] path')];
}

/** Points of an SVG path as [x, y] pairs (d3 writes `M x,y L x,y ...`). */
function coords(path: SVGPathElement): Array<[number, number]> {
  const d = path.getAttribute('d') ?? '';
  return [...d.matchAll(/[ML]\s*(-?[\d.e+-]+)[ ,](-?[\d.e+-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

function plotOffset(container: HTMLElement): number {
  const g = container.querySelector('[data-part="plot"] svg > g');
  const match = /translate\(([\d.]+)/.exec(g?.getAttribute('transform') ?? '');
  return Number(match?.[1]);
}

describe('SnapshotChartView', () => {
  it('draws one path per visible series', () => {
    const { container } = render(
      <SnapshotChartView
        locale="en-US"
        series={[series('a', 24, (i) => BigInt(i * 10)), series('b', 24, (i) => BigInt(i * 5)), series('c', 24, (i) => BigInt(i))]}
      />,
    );
    expect(container.firstElementChild).toHaveProperty('dataset.state', 'ready');
    expect(paths(container)).toHaveLength(3);
    for (const p of paths(container)) expect(coords(p)).toHaveLength(24);
  });
});
