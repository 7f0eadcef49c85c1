import { between, logBetween, type Random, seeded } from './prng.js';
import { HOUR_MS } from './time.js';

/**
 * How a video's views grow from the moment the engine first tracks it:
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
  /** Counts at age 0, when the engine first tracks the video (it was posted before). */
  baseViews: bigint;
  base: Record<Metric, bigint>;
  /** Engagement per view, drawn per video. */
  ratios: Record<Metric, number>;
  /** Expected views gained by age `hour` (hours since first tracked): 0 at 0, never decreasing. */
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

/** Exact counts of a video at one instant; `shares`/`saves` are `null` from the fallback provider. */
export interface VideoCounts {
  views: string;
  likes: string;
  comments: string;
  shares: string | null;
  saves: string | null;
  provider: SnapshotProvider;
}

/**
 * One public video's counts over its whole life, shared by every tracking of its link
 * (any key, any time), so two trackings of the same video never disagree and a later
 * tracking never starts below an earlier one.
 */
export interface VideoTimeline {
  /** Age 0 of the growth curve (ms): when the engine first tracked the link. Earlier times read the base counts. */
  readonly bornAt: number;
  /** Counts at `time` (ms since the epoch): a pure, non-decreasing function of `time`. */
  countsAt(time: number): VideoCounts;
}

type Counter = 'views' | Metric;
type HourCounts = Record<Counter, bigint>;

/** ±`amount` multiplicative noise; always positive, so increments stay non-negative. */
function jitter(rand: Random, amount: number): number {
  return 1 + amount * (2 * rand() - 1);
}

/**
 * The counts of one video as a function of its age. Counts at whole hours of age grow
 * by non-negative increments (views from the profile curve with small noise, the other
 * metrics from the views with their own noise), accumulated as floats and added to
 * BigInt bases, so they are exact beyond 2^53; between whole hours they are interpolated
 * in integers, so every metric is non-decreasing in time at any resolution. The noise is
 * drawn per hour of age from a stream seeded by the seed and the link, so the numbers
 * depend on the seed, the link and `bornAt` only.
 */
export function createVideoTimeline(
  profile: GrowthProfile,
  input: { seed: string; link: string; bornAt: number },
): VideoTimeline {
  const noise = seeded(input.seed, 'noise', input.link);
  const hourly: HourCounts[] = [];
  let views = 0;
  const gained: Record<Metric, number> = { likes: 0, comments: 0, shares: 0, saves: 0 };
  const count = (baseValue: bigint, extra: number) => baseValue + BigInt(Math.floor(extra));

  function step(hour: number): HourCounts {
    if (hour > 0) {
      const expected = Math.max(0, profile.curve(hour) - profile.curve(hour - 1));
      const dv = expected * jitter(noise, 0.15);
      views += dv;
      for (const metric of METRICS) gained[metric] += dv * profile.ratios[metric] * jitter(noise, 0.25);
    }
    return {
      views: count(profile.baseViews, views),
      likes: count(profile.base.likes, gained.likes),
      comments: count(profile.base.comments, gained.comments),
      shares: count(profile.base.shares, gained.shares),
      saves: count(profile.base.saves, gained.saves),
    };
  }

  // cached: the noise stream is sequential, so hour h needs hours 0..h-1 drawn first
  function atHour(hour: number): HourCounts {
    while (hourly.length <= hour) hourly.push(step(hourly.length));
    return hourly[hour]!;
  }

  const HOUR = BigInt(HOUR_MS);
  return {
    bornAt: input.bornAt,
    countsAt(time) {
      // before bornAt the video is only known by its base counts
      const age = Math.max(0, Math.floor(time - input.bornAt));
      const hour = Math.floor(age / HOUR_MS);
      const into = BigInt(age - hour * HOUR_MS);
      const from = atHour(hour);
      const value = (counter: Counter): string => {
        if (into === 0n) return from[counter].toString();
        const to = atHour(hour + 1)[counter];
        // integer interpolation: exact and monotonic, even above 2^53
        return (from[counter] + ((to - from[counter]) * into) / HOUR).toString();
      };
      const reportsAll = profile.provider === 'primary';
      return {
        views: value('views'),
        likes: value('likes'),
        comments: value('comments'),
        shares: reportsAll ? value('shares') : null,
        saves: reportsAll ? value('saves') : null,
        provider: profile.provider,
      };
    },
  };
}
