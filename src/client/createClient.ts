import type { Freshness } from './freshness.js';
import type { RetryOptions } from './internal/backoff.js';
import { clientWith } from './internal/client.js';
import type { Auth } from './internal/transport.js';
import { createTokenSource, type TokenSource } from './tokens.js';
import type {
  Platform,
  RateLimit,
  StopResult,
  TrackedVideo,
  TrackVideoInput,
  Usage,
  Video,
  VideoList,
  WithMeta,
} from './types.js';

export type { RetryOptions } from './internal/backoff.js';

/** Default API origin. */
export const DEFAULT_BASE_URL = 'https://contentstats.io';

// the id rule lives in the shared leaf, where the proxy and the local API read it too
import { VIDEO_ID_PATTERN } from '../shared/videoId.js';

/** Ids the API hands out; anything else is refused before a request is made. */
export { VIDEO_ID_PATTERN };

/**
 * Options of {@link createClient}. Give at most one of `apiKey`, `token` or `tokenUrl`, or none behind
 * a same-origin proxy. On a server, `apiKey` and `baseUrl` default to the `CONTENTSTATS_API_KEY` and
 * `CONTENTSTATS_API_URL` environment variables.
 */
export interface ClientOptions {
  /**
   * API origin, or the mount path of your proxy (e.g. `/api/contentstats`).
   * @defaultValue `CONTENTSTATS_API_URL` on a server, else 'https://contentstats.io'
   */
  baseUrl?: string;
  /**
   * Secret API key, sent as `X-API-Key`. Server-side only: refused in a browser unless `dangerouslyAllowBrowser`.
   * @defaultValue `CONTENTSTATS_API_KEY` on a server (never read in a browser), when no `token` or `tokenUrl` is given
   */
  apiKey?: string;
  /** A bearer token (or a function returning one) minted by your server. */
  token?: string | (() => string | Promise<string>);
  /** Your token endpoint; the client fetches, caches and refreshes short-lived tokens from it. */
  tokenUrl?: string;
  /** Options for the token request, e.g. `{ credentials: 'include' }`. */
  tokenRequestInit?: RequestInit;
  /** `fetch` to use (tests, edge runtimes). @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /** Time limit of one attempt in ms. @defaultValue 15000 */
  timeoutMs?: number;
  /** Retry settings, or `false` to never retry. */
  retry?: RetryOptions | false;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Allow `apiKey` in a browser (for local tools only; it exposes the key to anyone with the page). @defaultValue false */
  dangerouslyAllowBrowser?: boolean;
}

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call, including pending retries. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

/** Options of `trackVideo`. */
export interface TrackOptions extends CallOptions {
  /** Reuse a key to make a repeated submit idempotent; one is generated per call otherwise. */
  idempotencyKey?: string;
}

/** A video with its response metadata and how long it stays current. */
export type VideoResult = WithMeta<Video> & {
  /** When a new snapshot can exist, on this machine's clock (from the server's `Cache-Control: max-age`). */
  freshness: Freshness;
};

/** A typed client for every documented ContentStats endpoint. */
export interface ContentStatsClient {
  /** Starts tracking a video. The link and duration are checked before any request; retries reuse one `Idempotency-Key`. */
  trackVideo(input: TrackVideoInput, options?: TrackOptions): Promise<WithMeta<TrackedVideo>>;
  /** A tracked video with its snapshots, ascending by time. */
  getVideo(id: string, options?: CallOptions): Promise<VideoResult>;
  /** Tracked videos, optionally filtered by platform. */
  listVideos(filter?: { platform?: Platform }, options?: CallOptions): Promise<WithMeta<VideoList>>;
  /** Stops tracking early; unused snapshots are not charged. */
  stopTracking(id: string, options?: CallOptions): Promise<WithMeta<StopResult>>;
  /** Balance, plan and limits. */
  getUsage(options?: CallOptions): Promise<WithMeta<Usage>>;
  /** Latest rate-limit state seen on any response, or `null` before the first. */
  readonly rateLimit: RateLimit | null;
  /** Called whenever a response brings rate-limit headers; returns an unsubscribe function. */
  onRateLimit(listener: (rateLimit: RateLimit) => void): () => void;
  /** The base URL requests go to. */
  readonly baseUrl: string;
}

/** Node-style environment variables, when this runtime has them (never in a browser). */
function serverEnv(name: string): string | undefined {
  if (typeof window !== 'undefined' && typeof document !== 'undefined') return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The options with the server's environment filled in where the caller gave nothing. */
function withEnvironment(options: ClientOptions): ClientOptions {
  const filled = { ...options };
  if (filled.baseUrl === undefined) {
    const url = serverEnv('CONTENTSTATS_API_URL');
    if (url !== undefined) filled.baseUrl = url;
  }
  if (filled.apiKey === undefined && filled.token === undefined && filled.tokenUrl === undefined) {
    const key = serverEnv('CONTENTSTATS_API_KEY');
    if (key !== undefined) filled.apiKey = key;
  }
  return filled;
}

function resolveAuth(options: ClientOptions): Auth {
  const given = [options.apiKey, options.token, options.tokenUrl].filter((v) => v !== undefined).length;
  if (given > 1) throw new TypeError('createClient: give only one of apiKey, token or tokenUrl.');
  if (options.apiKey !== undefined) {
    const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';
    if (inBrowser && !options.dangerouslyAllowBrowser) {
      throw new TypeError(
        'createClient: an apiKey in the browser exposes it to every visitor. Use a proxy (contentstats-kit/proxy) with baseUrl or tokenUrl instead.',
      );
    }
    return { kind: 'key', apiKey: options.apiKey };
  }
  if (options.tokenUrl !== undefined) {
    const source = createTokenSource({
      tokenUrl: options.tokenUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.tokenRequestInit ? { init: options.tokenRequestInit } : {}),
    });
    return { kind: 'token', source };
  }
  const token = options.token;
  if (token !== undefined) {
    const source: TokenSource = {
      get: () => Promise.resolve(typeof token === 'function' ? token() : token),
      invalidate: () => {},
    };
    return { kind: 'token', source };
  }
  return { kind: 'none' };
}

/**
 * Creates a client. Server-side with `apiKey`; in a browser with `baseUrl` pointing at
 * your proxy and, for scoped access, a `tokenUrl`.
 *
 * @example
 * const client = createClient({ apiKey: process.env.CONTENTSTATS_API_KEY });
 * const { id } = await client.trackVideo({ video_link: 'https://www.tiktok.com/@user/video/123', duration_days: 7 });
 */
export function createClient(given: ClientOptions = {}): ContentStatsClient {
  const options = withEnvironment(given);
  return clientWith({ ...options, baseUrl: options.baseUrl ?? DEFAULT_BASE_URL, auth: resolveAuth(options) });
}
