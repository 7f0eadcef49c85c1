import type { ChartSeries } from '../../src/components/index.js';
import { type SnapshotCounts, type SnapshotPoint, toPoints } from '../../src/metrics/series.js';

/** Every generated series starts here, so screenshots of pure views do not change from day to day. */
export const STORY_START = Date.UTC(2026, 10, 2, 9, 0, 0);

const HOUR = 3_600_000;

/** Small deterministic PRNG (mulberry32): the same story always gets the same numbers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of {@link storySnapshots}. */
export interface StorySnapshotsOptions {
  /** Number of hourly snapshots. @defaultValue 72 */
  hours?: number;
  /** Views the video settles at. @defaultValue 250_000 */
  finalViews?: number;
  /** Hours until about two thirds of the final views. @defaultValue 18 */
  halfLife?: number;
  /** Added to every view count exactly (e.g. 2^53 for counts beyond a double). @defaultValue 0n */
  base?: bigint;
  /** Shares and saves are `null` (a provider that does not report them). @defaultValue false */
  fallback?: boolean;
  /** @defaultValue 1 */
  seed?: number;
  /** Time of the first snapshot (ms). @defaultValue {@link STORY_START} */
  start?: number;
}

/** Hourly snapshots of a plausible video: fast early growth that flattens, with a little noise. */
export function storySnapshots(options: StorySnapshotsOptions = {}): SnapshotCounts[] {
  const {
    hours = 72,
    finalViews = 250_000,
    halfLife = 18,
    base = 0n,
    fallback = false,
    seed = 1,
    start = STORY_START,
  } = options;
  const next = random(seed);
  const out: SnapshotCounts[] = [];
  let views = 0;
  for (let h = 0; h < hours; h++) {
    const target = finalViews * (1 - Math.exp(-(h + 1) / halfLife));
    views = Math.max(views, Math.round(target * (0.995 + next() * 0.01)));
    const share = (rate: number) => String(Math.round(views * rate * (0.9 + next() * 0.2)));
    out.push({
      snapshot_time: new Date(start + h * HOUR).toISOString(),
      views: (base + BigInt(views)).toString(),
      likes: share(0.081),
      comments: share(0.0042),
      shares: fallback ? null : share(0.0031),
      saves: fallback ? null : share(0.0058),
    });
  }
  // counts are cumulative: noise must never make a total go down
  for (const metric of ['likes', 'comments', 'shares', 'saves'] as const) {
    let max = 0n;
    for (const s of out) {
      const value = s[metric];
      if (value === null) continue;
      max = BigInt(value) > max ? BigInt(value) : max;
      s[metric] = max.toString();
    }
  }
  return out;
}

/** {@link storySnapshots} as points, the shape `useSnapshots(id).data.points` has. */
export function storyPoints(options?: StorySnapshotsOptions): SnapshotPoint[] {
  return toPoints(storySnapshots(options));
}

/** Views of `count` videos posted a few hours apart, for the one-metric-across-videos chart. */
export function storyVideoSeries(count: number, hours = 72): ChartSeries[] {
  return Array.from({ length: count }, (_, i) => {
    const start = STORY_START + i * 5 * HOUR;
    const points = storySnapshots({
      hours,
      start,
      seed: i + 7,
      finalViews: 40_000 * (i + 1) ** 1.6,
      halfLife: 10 + i * 4,
    });
    return {
      id: `video-${i + 1}`,
      label: `@creator${i + 1} · …${String(7301928 + i * 1117).slice(-6)}`,
      start,
      points: points.map((p) => ({
        time: Date.parse(p.snapshot_time),
        value: Number(p.views),
        exact: BigInt(p.views),
      })),
    };
  });
}
