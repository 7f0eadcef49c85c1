import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPlotSeries } from '../../src/components/chart/data';
import { computeGeometry } from '../../src/components/chart/geometry';
import {
  linearTicks,
  logDomain,
  logScale,
  logTicks,
  niceLinearDomain,
} from '../../src/components/chart/scales';
import { tickLabels } from '../../src/components/chart/tickLabels';
import { formatHoursSinceStart, hourTicks, timeTicks } from '../../src/components/chart/timeTicks';

const HOUR = 3_600_000;

describe("time ticks in the viewer's time zone", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TZ;
    // Node re-reads TZ on assignment: local Date methods now answer for New York
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('puts day ticks on local midnights and labels them as dates', () => {
    const start = Date.UTC(2026, 2, 2, 15, 20); // 10:20 in New York
    const ticks = timeTicks(start, start + 3 * 24 * HOUR, 4, 'en-US');
    expect(ticks.map((t) => t.label)).toEqual(['Mar 3', 'Mar 4', 'Mar 5']);
    for (const t of ticks) expect(new Date(t.value).getHours()).toBe(0);
    // midnight in New York is 05:00 UTC in winter
    expect(new Date(ticks[0]!.value).toISOString()).toBe('2026-03-03T05:00:00.000Z');
  });

  it('puts hour ticks on round local hours, with the date at midnight', () => {
    const start = Date.UTC(2026, 2, 2, 15, 20);
    const ticks = timeTicks(start, start + 24 * HOUR, 4, 'en-US');
    expect(ticks.map((t) => t.label)).toEqual(['12 PM', '6 PM', 'Mar 3', '6 AM']);
  });

  it('gives a narrow chart at least two ticks, not one lone date', () => {
    const start = Date.UTC(2026, 2, 2, 15, 20);
    const ticks = timeTicks(start, start + 72 * HOUR, 2, 'en-US');
    expect(ticks.map((t) => t.label)).toEqual(['Mar 3', 'Mar 4', 'Mar 5']);
    expect(hourTicks(0, 30, 1, 'en-US').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps local midnights across a daylight-saving change', () => {
    const start = Date.UTC(2026, 2, 6, 12); // DST starts in New York on March 8
    const ticks = timeTicks(start, start + 5 * 24 * HOUR, 6, 'en-US');
    for (const t of ticks) expect(new Date(t.value).getHours()).toBe(0);
    expect(ticks.map((t) => t.label)).toEqual(['Mar 7', 'Mar 8', 'Mar 9', 'Mar 10', 'Mar 11']);
  });
});

describe('hours since start', () => {
  it('counts hours, then whole days', () => {
    expect(hourTicks(0, 30, 5, 'en-US').map((t) => t.label)).toEqual([
      '0h',
      '6h',
      '12h',
      '18h',
      '24h',
      '30h',
    ]);
    expect(hourTicks(0, 24 * 90, 7, 'en-US').map((t) => t.label)).toEqual([
      '0d',
      '14d',
      '28d',
      '42d',
      '56d',
      '70d',
      '84d',
    ]);
    expect(formatHoursSinceStart(20, 'en-US')).toBe('20h');
    expect(formatHoursSinceStart(1063, 'en-US')).toBe('44d 7h');
  });
});

describe('value scales', () => {
  it('draws zero and negatives on the floor of a log scale', () => {
    const scale = logScale(logDomain(5, 12_000), [200, 0]);
    expect(scale.domain).toEqual([1, 100_000]);
    expect(scale(0)).toBe(200);
    expect(scale(-50)).toBe(200);
    expect(scale(100_000)).toBe(0);
    expect(logTicks(scale.domain, 6)).toEqual([1, 10, 100, 1000, 10_000, 100_000]);
  });

  it('keeps a value above 10^15 off the top edge of a log scale, with a tick at the top', () => {
    const max = 9_007_199_254_740_992;
    const domain = logDomain(1_200, max);
    const scale = logScale(domain, [200, 0]);
    // at least 4% of the height above the line
    expect(scale(max)).toBeGreaterThanOrEqual(8);
    const ticks = logTicks(domain, 4);
    expect(ticks.at(-1)).toBe(domain[1]);
    expect(ticks.at(-1)).toBeGreaterThan(max);
    expect(new Set(tickLabels(ticks, 'en-US')).size).toBe(ticks.length);
  });

  it('labels ticks of a huge, nearly flat series so that neighbours differ', () => {
    const base = 9_007_199_254_740_000;
    const ticks = linearTicks(base, base + 8_000, 4);
    expect(ticks.length).toBeGreaterThan(2);
    const labels = tickLabels(ticks, 'en-US');
    expect(new Set(labels).size).toBe(ticks.length);
    // the usual one decimal where it is enough
    expect(tickLabels([0, 500_000, 1_000_000], 'en-US')).toEqual(['0', '500K', '1M']);
  });

  it('never gives a chart identical y ticks for counts above 2^53', () => {
    const points = Array.from({ length: 48 }, (_, i) => ({
      time: i * 3_600_000,
      value: 9_007_199_254_740_992 + i * 1_000,
      exact: 9_007_199_254_740_993n + BigInt(i * 1_000),
    }));
    for (const scale of ['linear', 'log'] as const) {
      const geometry = computeGeometry({
        series: toPlotSeries([{ id: 'a', label: 'a', points }], 'total', 'time'),
        width: 320,
        height: 240,
        scale,
        align: 'time',
        locale: 'en-US',
      });
      const labels = geometry.yTicks.map((t) => t.label);
      expect(labels.length).toBeGreaterThan(1);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('rounds linear domains and ticks', () => {
    expect(niceLinearDomain(3, 97, 5)).toEqual([0, 100]);
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    // a flat series still gets an axis around its value
    const [lo, hi] = niceLinearDomain(500, 500, 4);
    expect(lo).toBeLessThan(500);
    expect(hi).toBeGreaterThan(500);
  });
});
