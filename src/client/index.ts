// client

export {
  durationProblem,
  estimateCost,
  MAX_DURATION_DAYS,
  MIN_DURATION_DAYS,
  SNAPSHOT_PRICE_USD,
  snapshotCount,
} from './cost';
export type {
  CallOptions,
  ClientOptions,
  ContentStatsClient,
  RetryOptions,
  TrackOptions,
} from './createClient';
export { createClient, DEFAULT_BASE_URL, VIDEO_ID_PATTERN } from './createClient';
export type { ContentStatsErrorCode, ContentStatsErrorInit } from './errors';
// errors
export { ContentStatsError, isContentStatsError } from './errors';
export type { InvalidVideoLink, ParsedVideoLink, ValidVideoLink } from './links';
// links and cost
export { isValidVideoLink, parseVideoLink } from './links';

// rate limits and tokens
export { parseRateLimit, parseRetryAt } from './rateLimit';
export type { TokenSource, TokenSourceOptions } from './tokens';
export { createTokenSource, jwtExpiry } from './tokens';

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
} from './types';
