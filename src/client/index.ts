// client

export {
  durationProblem,
  estimateCost,
  MAX_DURATION_DAYS,
  MIN_DURATION_DAYS,
  SNAPSHOT_PRICE_USD,
  snapshotCount,
} from './cost.js';
export type {
  CallOptions,
  ClientOptions,
  ContentStatsClient,
  RetryOptions,
  TrackOptions,
} from './createClient.js';
export { createClient, DEFAULT_BASE_URL, VIDEO_ID_PATTERN } from './createClient.js';
export type { ContentStatsErrorCode, ContentStatsErrorInit } from './errors.js';
// errors
export { ContentStatsError, isContentStatsError } from './errors.js';
export type { InvalidVideoLink, ParsedVideoLink, ValidVideoLink } from './links.js';
// links and cost
export { isValidVideoLink, parseVideoLink } from './links.js';

// rate limits and tokens
export { parseRateLimit, parseRetryAt } from './rateLimit.js';
export type { TokenSource, TokenSourceOptions } from './tokens.js';
export { createTokenSource, jwtExpiry } from './tokens.js';

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
