import type { Snapshot } from '../../client/types.js';
import { between, logBetween, type Random, randomToken, seeded } from './prng.js';
import { HOUR_MS, isoSeconds } from './time.js';

/**
 * How a video's views grow while tracked:
 * - `viral`: fast early growth that decays and saturates;
 * - `steady`: a small creator, slow and near-linear with a daily rhythm;
 * - `late`: slow at first, then a sigmoid jump (the video gets picked up).
 */
export type GrowthShape = 'viral' | 'steady' | 'late';

/** `fallback` providers do not report shares and saves (they come back `null`). */
export type SnapshotProvider = 'primary' | 'fallback';

/** Forced traits, for fixtures. */
export interface GrowthOverrides {
  shape?: GrowthShape;
  provider?: SnapshotProvider;
  /** Start above 2^53 views, to exercise BigInt-as-string counts. */
  mega?: boolean;
  /** Hour of the late bloomer's jump. */
  jumpHour?: number;
}

type Metric = 'likes' | 'comments' | 'shares' | 'saves';

/** Everything that decides a video's numbers; derived from the seed and the link only. */
export interface GrowthProfile {
  shape: GrowthShape;
  provider: SnapshotProvider;
  /** Counts when tracking starts (the video was posted before). */
  baseViews: bigint;
  base: Record<Metric, bigint>;
  /** Engagement per view, drawn per video. */
  ratios: Record<Metric, number>;
  /** Expected views gained `hour` hours after tracking started: 0 at 0, never decreasing. */
  curve: (hour: number) => number;
}

const TWO_PI = 2 * Math.PI;
const DAY_HOURS = 24;
const MEGA_FLOOR = 9_007_199_254_740_993n; // 2^53 + 1
const METRICS: readonly Metric[] = ['likes', 'comments', 'shares', 'saves'];

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The same link under the same seed always gets the same profile, whatever the tracking. */
export function createProfile(seed: string, link: string, overrides: GrowthOverrides = {}): GrowthProfile {
  const rand = seeded(seed, 'profile', link);
  // Draw every roll even when overridden, so an override never shifts the others.
  const shapeRoll = rand();
  const providerRoll = rand();
  const shape: GrowthShape =
    overrides.shape ?? (shapeRoll < 0.3 ? 'viral' : shapeRoll < 0.75 ? 'steady' : 'late');
  const provider: SnapshotProvider = overrides.provider ?? (providerRoll < 0.2 ? 'fallback' : 'primary');
  const ratios: Record<Metric, number> = {
    likes: between(rand, 0.04, 0.14),
    comments: between(rand, 0.0015, 0.008),
    shares: between(rand, 0.002, 0.02),
    saves: between(rand, 0.003, 0.03),
  };

  let startViews: number;
  let curve: (hour: number) => number;
  if (shape === 'viral') {
    startViews = logBetween(rand, 5e3, 2e5);
    const gain = logBetween(rand, 5e5, 2e7) * (overrides.mega ? 1000 : 1);
    const tau = between(rand, 8, 30);
    curve = (h) => gain * (1 - Math.exp(-h / tau));
  } else if (shape === 'steady') {
    startViews = logBetween(rand, 300, 8000);
    const rate = logBetween(rand, 20, 400);
    const amp = between(rand, 0.3, 0.8);
    const phase = between(rand, 0, TWO_PI);
    const wave = (h: number) => ((amp * DAY_HOURS) / TWO_PI) * Math.sin((TWO_PI * h) / DAY_HOURS + phase);
    // d/dh = rate × (1 + amp·cos(...)) > 0 because amp < 1
    curve = (h) => rate * (h + wave(h) - wave(0));
  } else {
    startViews = logBetween(rand, 1e3, 3e4);
    const pre = logBetween(rand, 5, 50);
    const jump = logBetween(rand, 2e5, 5e6);
    const rolledHour = between(rand, 24, 120);
    const center = overrides.jumpHour ?? rolledHour;
    // narrow relative to the jump hour, so the slow phase really is slow
    const width = Math.max(2, center * between(rand, 0.06, 0.15));
    const at0 = logistic(-center / width);
    curve = (h) => pre * h + jump * (logistic((h - center) / width) - at0);
  }

  const baseViews = BigInt(Math.floor(startViews)) + (overrides.mega ? MEGA_FLOOR : 0n);
  const base = {} as Record<Metric, bigint>;
  for (const metric of METRICS) {
    base[metric] = (baseViews * BigInt(Math.round(ratios[metric] * 1e6))) / 1_000_000n;
  }
  return { shape, provider, baseViews, base, ratios, curve };
}

/** Snapshot `index` of a tracking, computed once and then cached: snapshots never change. */
export interface SnapshotSeries {
  at(index: number): Snapshot;
}

/** ±`amount` multiplicative noise; always positive, so increments stay non-negative. */
function jitter(rand: Random, amount: number): number {
  return 1 + amount * (2 * rand() - 1);
}

/**
 * Hourly snapshots of one tracking. Counts grow by non-negative increments (views
 * from the profile curve with small noise, the other metrics from the views with their
 * own noise), accumulated as floats and added to BigInt bases, so every metric is
 * non-decreasing hour over hour and exact beyond 2^53.
 */
export function createSeries(
  profile: GrowthProfile,
  input: { seed: string; link: string; videoId: string; startMs: number },
): SnapshotSeries {
  const noise = seeded(input.seed, 'noise', input.link);
  const computed: Snapshot[] = [];
  let views = 0;
  const gained: Record<Metric, number> = { likes: 0, comments: 0, shares: 0, saves: 0 };
  const count = (baseValue: bigint, extra: number) => (baseValue + BigInt(Math.floor(extra))).toString();

  function step(index: number): Snapshot {
    if (index > 0) {
      const expected = Math.max(0, profile.curve(index) - profile.curve(index - 1));
      const dv = expected * jitter(noise, 0.15);
      views += dv;
      for (const metric of METRICS) gained[metric] += dv * profile.ratios[metric] * jitter(noise, 0.25);
    }
    const reportsAll = profile.provider === 'primary';
    const idRand = seeded(input.seed, 'snapshot', input.videoId, String(index));
    return {
      id: `snp_${randomToken(idRand, 12)}`,
      snapshot_id: `${input.videoId}_${String(index).padStart(3, '0')}`,
      snapshot_time: isoSeconds(input.startMs + index * HOUR_MS),
      views: count(profile.baseViews, views),
      likes: count(profile.base.likes, gained.likes),
      comments: count(profile.base.comments, gained.comments),
      shares: reportsAll ? count(profile.base.shares, gained.shares) : null,
      saves: reportsAll ? count(profile.base.saves, gained.saves) : null,
      provider: profile.provider,
    };
  }

  return {
    at(index) {
      while (computed.length <= index) computed.push(step(computed.length));
      // a copy, so a caller mutating its result cannot rewrite history
      return { ...computed[index]! };
    },
  };
}
