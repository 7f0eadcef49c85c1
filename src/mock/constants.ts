/**
 * The demo API key. With no keys configured the local API has exactly this key
 * (plan `pro`, $100 balance), and every key with this name gets the fixture videos.
 */
export const DEMO_API_KEY = 'cs_demo_key';

/** Seed used when none is given: same seed, same ids and same snapshots. */
export const DEFAULT_MOCK_SEED = 'contentstats';

/**
 * Per-plan limits of the local API. Free and Pro follow the API docs; Enterprise is
 * "custom" there, so we pick 1200 requests per minute and no concurrent-video limit
 * (`null` = unlimited).
 */
export const PLAN_LIMITS = {
  free: { requestsPerMinute: 60, concurrentVideos: 10 },
  pro: { requestsPerMinute: 300, concurrentVideos: 100 },
  enterprise: { requestsPerMinute: 1200, concurrentVideos: null },
} as const satisfies Record<string, { requestsPerMinute: number; concurrentVideos: number | null }>;

/**
 * Links the local API answers with `404 { "error": "Video not found or private" }`,
 * so error paths can be exercised on purpose (matching ignores case):
 * - a full link whose handle is one of `usernames`, e.g. `https://www.tiktok.com/@private/video/123`;
 * - a short link whose code is one of `shortCodes`, e.g. `https://vm.tiktok.com/notfound/`
 *   or `https://www.tiktok.com/t/private/`.
 */
export const NOT_FOUND_RULES = {
  usernames: ['private', 'deleted'],
  shortCodes: ['private', 'notfound'],
} as const;

/**
 * Ids of the fixture videos the demo key starts with. Times are relative to the
 * simulated clock when the key is added (the hour is truncated):
 * - `viral`: viral spike, 7 days, started 72 h ago, `monitoring`;
 * - `steady`: small steady creator, 3 days, started 96 h ago, `completed`;
 * - `lateBloomer`: late bloomer, 14 days, started 48 h ago (jump around hour 30), `monitoring`;
 * - `fallback`: `provider: "fallback"` (shares/saves `null`), 7 days, started 36 h ago, `stopped` 12 h ago;
 * - `mega`: views above 2^53 from the first snapshot, 10 days, started 120 h ago, `monitoring`.
 */
export const FIXTURE_IDS = {
  viral: 'cm5fixviral1',
  steady: 'cm5fixsteady',
  lateBloomer: 'cm5fixbloom1',
  fallback: 'cm5fixfallbk',
  mega: 'cm5fixmega01',
} as const;
