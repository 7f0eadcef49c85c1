/**
 * Rules shared by the client, the proxy and the local API, kept in one leaf module that imports
 * nothing outside `src/shared`, so server code never loads browser-client code for a constant.
 *
 * @module
 */

// ids
export { isVideoId, VIDEO_ID_PATTERN } from './videoId.js';

// links
export { isValidVideoLink, parseVideoLink } from './links.js';
export type { InvalidVideoLink, ParsedVideoLink, ValidVideoLink } from './links.js';
export type { Platform } from './platform.js';

// cost
export {
  durationProblem,
  estimateCost,
  MAX_DURATION_DAYS,
  MIN_DURATION_DAYS,
  SNAPSHOT_PRICE_USD,
  snapshotCount,
} from './cost.js';

// encoders
export { base64UrlDecode, base64UrlEncode } from './base64url.js';
