// client
export { createClient, DEFAULT_BASE_URL, VIDEO_ID_PATTERN } from './createClient.js';
export type {
  CallOptions,
  ClientOptions,
  ContentStatsClient,
  RetryOptions,
  TrackOptions,
  VideoResult,
} from './createClient.js';

// freshness
export type { Freshness } from './freshness.js';

// errors
export { ContentStatsError, isContentStatsError } from './errors.js';
export type { ContentStatsErrorCode, ContentStatsErrorInit, ContentStatsErrorOutcome } from './errors.js';

// links, cost and track input
export { isValidVideoLink, parseVideoLink } from './links.js';
export type { InvalidVideoLink, ParsedVideoLink, ValidVideoLink } from './links.js';
export {
  durationProblem,
  estimateCost,
  MAX_DURATION_DAYS,
  MIN_DURATION_DAYS,
  SNAPSHOT_PRICE_USD,
  snapshotCount,
} from './cost.js';

// wire types
export type {
  Plan,
  Platform,
  RateLimit,
  ResponseMeta,
  Snapshot,
  StopResult,
  TrackedVideo,
  TrackVideoInput,
  Usage,
  Video,
  VideoList,
  VideoStatus,
  VideoSummary,
  WithMeta,
} from './types.js';
