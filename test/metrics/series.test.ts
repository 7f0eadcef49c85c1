import { describe, expect, it } from 'vitest';
import { engagementRate, toDeltas, toPoints } from '../../src/metrics/series';

const HOUR = 3_600_000;
function s(hour: number, views: string, likes = '0', shares: string | null = null) {
  return {
    snapshot_time: new Date(Date.UTC(2026, 0, 1, hour)).toISOString(),
    views,
    likes,
    comments: '0',
    shares,
    saves: null,
  };
}

describe('series', () => {
  it('sorts points by time and keeps exact counts', () => {
    const points = toPoints([s(2, '300'), s(0, '100'), s(1, '200')]);
    expect(points.map((p) => p.views)).toEqual([100, 200, 300]);
    expect(points[2]?.exact.views).toBe(300n);
    expect(points[0]?.shares).toBeNull();
  });

  it('gives per-hour change, spreading gaps evenly, and views growth rate', () => {
    const deltas = toDeltas(toPoints([s(0, '100'), s(1, '150'), s(3, '250')]));
    expect(deltas.map((d) => d.perHour.views)).toEqual([50, 50]);
    expect(deltas[1]?.hours).toBe(2);
    expect(deltas[0]?.growthRate).toBe(0.5);
    expect(deltas[0]?.perHour.shares).toBeNull();
    expect(deltas[0]!.time - Date.UTC(2026, 0, 1, 0)).toBe(HOUR);
  });

  it('keeps the difference of two counts above 2^53 exact', () => {
    const deltas = toDeltas(toPoints([s(0, '9007199254740993'), s(1, '9007199254740995')]));
    expect(deltas[0]?.perHour.views).toBe(2);
  });

  it('computes engagement from what the provider reported', () => {
    const [point] = toPoints([s(0, '1000', '100', '50')]);
    expect(engagementRate(point!)).toBe(0.15);
    const [zero] = toPoints([s(0, '0')]);
    expect(engagementRate(zero!)).toBeNull();
  });
});
