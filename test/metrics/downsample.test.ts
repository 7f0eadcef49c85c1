import { describe, expect, it } from 'vitest';
import { downsampleLttb } from '../../src/metrics/downsample';

interface P {
  x: number;
  y: number;
}
const px = (p: P) => p.x;
const py = (p: P) => p.y;

function wave(n: number): P[] {
  return Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i / 50) * 100 + (i % 7) }));
}

describe('downsampleLttb', () => {
  it('returns a copy when the series is already short enough', () => {
    const data = wave(10);
    const out = downsampleLttb(data, 10, px, py);
    expect(out).toEqual(data);
    expect(out).not.toBe(data);
  });

  it('keeps first and last and stays within the target, in input order', () => {
    const data = wave(5000);
    for (const target of [3, 4, 10, 100, 999]) {
      const out = downsampleLttb(data, target, px, py);
      expect(out.length).toBeLessThanOrEqual(target);
      expect(out.length).toBeGreaterThanOrEqual(Math.min(target - 2, 3));
      expect(out[0]).toBe(data[0]);
      expect(out[out.length - 1]).toBe(data[data.length - 1]);
      for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
    }
  });

  it('keeps the minimum even when the maximum wins its bucket', () => {
    // plain LTTB picks one point per bucket: the spike, and the dip next to it would be lost
    const data: P[] = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: 100 + (i % 2) }));
    data[1234] = { x: 1234, y: 1e9 };
    data[1235] = { x: 1235, y: -5 };
    const out = downsampleLttb(data, 20, px, py);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out.map(py)).toContain(1e9);
    expect(out.map(py)).toContain(-5);
  });

  it('keeps extremes that sit next to each other on a monotonic series', () => {
    // the maximum is the last point, the minimum the first: no extra slot is needed
    const data: P[] = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i * i }));
    const out = downsampleLttb(data, 4, px, py);
    expect(out).toHaveLength(4);
    expect(out[0]).toBe(data[0]);
    expect(out[3]).toBe(data[999]);
  });

  it('handles 1,000,000 points to a screen width', () => {
    const data = wave(1_000_000);
    data[777_777] = { x: 777_777, y: 1e12 };
    const started = performance.now();
    const out = downsampleLttb(data, 2000, px, py);
    const elapsed = performance.now() - started;
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out.length).toBeGreaterThan(1900);
    expect(out.map(py)).toContain(1e12);
    // generous bound for a shared CI core; it is a few ms on a free one
    expect(elapsed).toBeLessThan(2000);
  });

  it('degrades to first and last for tiny targets', () => {
    const data = wave(100);
    expect(downsampleLttb(data, 2, px, py)).toEqual([data[0], data[99]]);
    expect(downsampleLttb(data, 1, px, py)).toEqual([data[0]]);
    expect(downsampleLttb(data, 0, px, py)).toEqual([]);
  });
});
