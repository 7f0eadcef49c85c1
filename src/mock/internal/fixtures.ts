import { snapshotCount } from '../../shared/cost.js';
import { FIXTURE_IDS } from '../constants.js';
import { type Account, ledgerOf } from './account.js';
import type { GrowthOverrides } from './growth.js';
import { SNAPSHOT_PRICE_MILLS } from './money.js';
import { HOUR_MS } from './time.js';
import { createTracking, takenSnapshots, trackingStatus } from './tracking.js';
import type { VideoRegistry } from './videos.js';

interface FixtureSpec {
  id: string;
  link: string;
  durationDays: number;
  startedHoursAgo: number;
  stoppedHoursAgo?: number;
  overrides: GrowthOverrides;
}

// Documented on FIXTURE_IDS; keep the two in step.
const FIXTURES: readonly FixtureSpec[] = [
  {
    id: FIXTURE_IDS.viral,
    link: 'https://www.tiktok.com/@dancewave/video/7312000000000000001',
    durationDays: 7,
    startedHoursAgo: 72,
    overrides: { shape: 'viral', provider: 'primary' },
  },
  {
    id: FIXTURE_IDS.steady,
    link: 'https://www.tiktok.com/@homecook.daily/video/7312000000000000002',
    durationDays: 3,
    startedHoursAgo: 96,
    overrides: { shape: 'steady', provider: 'primary' },
  },
  {
    id: FIXTURE_IDS.lateBloomer,
    link: 'https://www.tiktok.com/@slowburn.films/video/7312000000000000003',
    durationDays: 14,
    startedHoursAgo: 48,
    overrides: { shape: 'late', provider: 'primary', jumpHour: 30 },
  },
  {
    id: FIXTURE_IDS.fallback,
    link: 'https://vm.tiktok.com/ZMfallbk1/',
    durationDays: 7,
    startedHoursAgo: 36,
    stoppedHoursAgo: 12,
    overrides: { shape: 'steady', provider: 'fallback' },
  },
  {
    id: FIXTURE_IDS.mega,
    link: 'https://www.tiktok.com/@megastar/video/7312000000000000005',
    durationDays: 10,
    startedHoursAgo: 120,
    overrides: { shape: 'viral', provider: 'primary', mega: true },
  },
];

/**
 * Forced traits of a fixture's link (`undefined` for any other link). They belong to the
 * link, not to the fixture tracking: the same public video is viral (or mega, ...) for
 * whoever tracks it.
 */
export function fixtureOverrides(link: string): GrowthOverrides | undefined {
  return FIXTURES.find((spec) => spec.link === link)?.overrides;
}

/**
 * Gives an account the fixture videos, timed relative to `now` truncated to the hour.
 * A fixture whose cost (spent, plus the rest if still running) does not fit the
 * available balance is skipped, so a small demo balance never goes negative.
 */
export function addFixtures(account: Account, now: number, seed: string, videos: VideoRegistry): void {
  const anchor = Math.floor(now / HOUR_MS) * HOUR_MS;
  for (const spec of FIXTURES) {
    if (account.trackings.has(spec.id)) continue;
    const createdAt = anchor - spec.startedHoursAgo * HOUR_MS;
    const times = {
      createdAt,
      durationDays: spec.durationDays,
      stoppedAt: spec.stoppedHoursAgo === undefined ? null : anchor - spec.stoppedHoursAgo * HOUR_MS,
    };
    const status = trackingStatus(times, now);
    const snapshots = status === 'monitoring' ? snapshotCount(spec.durationDays) : takenSnapshots(times, now);
    // checked before the video is looked up, so a skipped fixture does not give its link a birth
    if (ledgerOf(account, now).available < snapshots * SNAPSHOT_PRICE_MILLS) continue;
    const tracking = createTracking({
      id: spec.id,
      apiKey: account.key,
      link: spec.link,
      durationDays: spec.durationDays,
      createdAt,
      seed,
      // Normally the first tracking of its link, so the video is born with it. If another key
      // tracked the link earlier, the fixture reads that video's base counts until then.
      video: videos.video(spec.link, createdAt),
    });
    tracking.stoppedAt = times.stoppedAt;
    // History from before the engine existed is not replayed as webhook events.
    tracking.emittedSnapshots = takenSnapshots(tracking, now);
    tracking.completionEmitted = status === 'completed';
    account.trackings.set(tracking.id, tracking);
  }
}
