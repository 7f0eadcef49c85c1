/**
 * Wire types of the ContentStats API (v1), as documented on its overview page.
 * Counts are BigInt-as-string on the wire and stay strings here: use
 * `parseCount` / `countToNumber` from the metrics helpers to do arithmetic.
 */

/** A platform the API can track. Only `tiktok` exists today; the field leaves room for more. */
export type Platform = 'tiktok' | (string & {});

/** Lifecycle of a tracking: `monitoring` until `duration_days` pass (`completed`) or it is stopped early (`stopped`). */
export type VideoStatus = 'monitoring' | 'completed' | 'stopped' | (string & {});

/** Plan of an API key. */
export type Plan = 'free' | 'pro' | 'enterprise' | (string & {});

/** One hourly measurement of a video. Snapshots never change after creation. */
export interface Snapshot {
  id: string;
  snapshot_id: string;
  /** ISO 8601 time the snapshot was taken. */
  snapshot_time: string;
  /** BigInt as a decimal string; can exceed 2^53. */
  views: string;
  likes: string;
  comments: string;
  /** `null` when the provider does not report shares. */
  shares: string | null;
  /** `null` when the provider does not report saves. */
  saves: string | null;
  /** Which data provider took the snapshot. */
  provider: string;
}

/** Body of `POST /api/v1/videos/track`. */
export interface TrackVideoInput {
  /** A public TikTok link (see `parseVideoLink`). */
  video_link: string;
  /** How many days to take hourly snapshots (1–30). */
  duration_days: number;
}

/** Response of `POST /api/v1/videos/track`. */
export interface TrackedVideo {
  id: string;
  video_link: string;
  platform: Platform;
  status: VideoStatus;
  /** Estimated cost in USD of the whole tracking ($0.015 per hourly snapshot). */
  estimated_cost: number;
}

/** A tracked video as listed by `GET /api/v1/videos` (snapshots may be absent). */
export interface VideoSummary {
  id: string;
  video_link: string;
  platform: Platform;
  status: VideoStatus;
  duration_days?: number;
  estimated_cost?: number;
  /** USD charged so far for snapshots actually taken. */
  cost_to_date?: number;
  /** ISO 8601 time tracking started. */
  created_at?: string;
  /** ISO 8601 time tracking ends (or ended). */
  ends_at?: string;
  /** ISO 8601 time tracking was stopped early, when it was. */
  stopped_at?: string | null;
  snapshots?: Snapshot[];
  /** Most recent snapshot, when the list endpoint includes it. */
  latest_snapshot?: Snapshot | null;
}

/** A tracked video with its snapshots, from `GET /api/v1/videos/{id}`. */
export interface Video extends VideoSummary {
  /** Snapshots in ascending `snapshot_time` order (the client sorts them). */
  snapshots: Snapshot[];
}

/** Response of `POST /api/v1/videos/{id}/stop`. */
export interface StopResult extends VideoSummary {
  status: VideoStatus;
}

/** Account usage from `GET /api/v1/usage`. Only `balance_usd` is guaranteed by the API. */
export interface Usage {
  /** Remaining balance in USD. */
  balance_usd: number;
  /** Balance not yet committed to running trackings, when the API reports it. */
  available_usd?: number;
  plan?: Plan;
  /** Requests per minute allowed by the plan; `null` when unlimited/custom. */
  rate_limit_per_minute?: number | null;
  /** Concurrent trackings allowed by the plan; `null` when unlimited. */
  concurrent_videos_limit?: number | null;
  /** Trackings currently `monitoring`. */
  active_videos?: number;
  /** USD charged so far. */
  total_spent_usd?: number;
}

/** Rate-limit state read from the `X-RateLimit-*` headers of a response. */
export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** When the window resets (ms since epoch). */
  resetAt: number;
}

/** Metadata the client attaches to every result. */
export interface ResponseMeta {
  /** Rate-limit state of the response, or `null` when the headers were absent. */
  rateLimit: RateLimit | null;
}

/** A result plus the response metadata. */
export type WithMeta<TData> = TData & ResponseMeta;

/** Result of `listVideos`, normalised whether the API sent a bare array or `{ videos: [...] }`. */
export interface VideoList {
  videos: VideoSummary[];
}
