// The parsing fast paths (bench/parse.ts) must give exactly what the plain versions gave:
// each is checked here against the straightforward code it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeVideo } from '../../src/client/internal/decode';
import { engagementRate, type SnapshotPoint, toDeltas, toPoints } from '../../src/metrics/series';

// counts on both sides of 2^53, where the number and bigint paths part
const count = fc.oneof(
  fc.bigInt({ min: 0n, max: 10_000n }),
  fc.bigInt({ min: 0n, max: 2n ** 34n }),
  fc.bigInt({ min: 2n ** 53n - 50n, max: 2n ** 53n + 50n }),
  fc.bigInt({ min: 0n, max: 2n ** 80n }),
);
const hour = fc.integer({ min: 0, max: 40 });
const snapshot = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  snapshot_time: hour.map((h) => new Date(Date.UTC(2026, 0, 1, h)).toISOString().replace('.000', '')),
  views: count.map(String),
  likes: count.map(String),
  comments: count.map(String),
  shares: fc.option(count.map(String), { nil: null }),
  saves: fc.option(count.map(String), { nil: null }),
  provider: fc.constant('primary'),
});

/** What decodeVideo did with snapshots before its fast path: merge by id, then a stable sort by time. */
function mergedAndSorted<T extends { id: string; snapshot_time: string }>(snapshots: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const s of snapshots) byId.set(s.id, s);
  return [...byId.values()].sort((a, b) => Date.parse(a.snapshot_time) - Date.parse(b.snapshot_time));
}

describe('decodeVideo snapshots, for any order and repeats', () => {
  it('keeps one snapshot per id (the last sent, in the place of the first) sorted stably by time', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 30 }), fc.boolean(), (snapshots, presorted) => {
        const sent = presorted ? mergedAndSorted(snapshots) : snapshots;
        const decoded = decodeVideo({ id: 'v', snapshots: sent }).snapshots;
        expect(decoded.map((s) => ({ ...s, snapshot_id: s.id }))).toEqual(
          mergedAndSorted(sent).map((s) => ({ ...s, snapshot_id: s.id })),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('still names the item and field of a bad value deep in a long array', () => {
    const good = { snapshot_time: '2026-01-01T00:00:00Z', views: '1', likes: '1', comments: '1' };
    const snapshots = Array.from({ length: 1000 }, (_, i) => ({
      ...good,
      id: `s${i}`,
      snapshot_time: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    }));
    snapshots[737] = { ...(snapshots[737] as typeof good & { id: string }), likes: '1e3' };
    expect(() => decodeVideo({ id: 'v', snapshots })).toThrow(
      new DecodeError('video.snapshots[737].likes', 'is not a count'),
    );
    snapshots[737] = {
      ...(snapshots[737] as typeof good & { id: string }),
      likes: '1',
      snapshot_time: '2026-13-01T00:00:00Z',
    };
    expect(() => decodeVideo({ id: 'v', snapshots })).toThrow(
      'video.snapshots[737].snapshot_time is not an ISO 8601 time',
    );
  });
});

type Metric = 'views' | 'likes' | 'comments' | 'shares' | 'saves';
const METRICS: readonly Metric[] = ['views', 'likes', 'comments', 'shares', 'saves'];

/** The bigint-only arithmetic the number fast paths must agree with. */
function referenceDelta(prev: SnapshotPoint, cur: SnapshotPoint, metric: Metric): number | null {
  const a = prev.exact[metric];
  const b = cur.exact[metric];
  if (a === null || b === null) return null;
  return Number(b - a) / Math.max((cur.time - prev.time) / 3_600_000, 1 / 60);
}
function referenceEngagement(point: SnapshotPoint): number | null {
  const views = point.exact.views;
  if (views === null || views === 0n) return null;
  let engaged = 0n;
  for (const metric of ['likes', 'comments', 'shares', 'saves'] as const)
    engaged += point.exact[metric] ?? 0n;
  return Number((engaged * 1_000_000n) / views) / 1_000_000;
}

describe('series, for counts on both sides of 2^53', () => {
  it('points carry Number() and BigInt() of every count, sorted by time', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 20 }), (snapshots) => {
        const points = toPoints(snapshots);
        const expected = [...snapshots].sort(
          (a, b) => Date.parse(a.snapshot_time) - Date.parse(b.snapshot_time),
        );
        expect(points.map((p) => p.snapshot)).toEqual(expected);
        for (const p of points) {
          expect(p.time).toBe(Date.parse(p.snapshot.snapshot_time));
          for (const metric of METRICS) {
            const value = p.snapshot[metric];
            expect(p[metric]).toBe(value === null ? null : Number(value));
            expect(p.exact[metric]).toBe(value === null ? null : BigInt(value));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('per-hour changes and engagement rates equal the exact bigint arithmetic', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { minLength: 1, maxLength: 20 }), (snapshots) => {
        const points = toPoints(snapshots);
        const deltas = toDeltas(points);
        expect(deltas).toHaveLength(points.length - 1);
        deltas.forEach((delta, i) => {
          for (const metric of METRICS)
            expect(delta.perHour[metric]).toBe(referenceDelta(points[i]!, points[i + 1]!, metric));
        });
        for (const p of points) expect(engagementRate(p)).toBe(referenceEngagement(p));
      }),
      { numRuns: 1000 },
    );
  });
});
