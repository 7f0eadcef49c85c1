import { ContentStatsError } from './errors.js';
import { type Freshness, readFreshness } from './freshness.js';
import { type RetryOptions, resolveRetry } from './internal/backoff.js';
import {
  decodeTrackedVideo,
  decodeUsage,
  decodeVideo,
  decodeVideoList,
  decodeVideoSummary,
} from './internal/decode.js';
import { randomKey } from './internal/randomKey.js';
import { type Auth, type RequestSpec, send, type TransportConfig } from './internal/transport.js';
import { createTokenSource, type TokenSource } from './tokens.js';
import { checkTrackInput } from './trackInput.js';
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

function invalidRequest(message: string): ContentStatsError {
  return new ContentStatsError({ code: 'invalid_request', message });
}

/** Path of a video, or the reason its id is refused before any request is made. */
function videoPath(id: string): string | ContentStatsError {
  if (typeof id !== 'string' || !VIDEO_ID_PATTERN.test(id)) {
    return invalidRequest(`"${String(id).slice(0, 80)}" is not a valid video id.`);
  }
  return `/api/v1/videos/${encodeURIComponent(id)}`;
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
  const listeners = new Set<(rateLimit: RateLimit) => void>();
  let latest: RateLimit | null = null;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const config: TransportConfig = {
    baseUrl,
    auth: resolveAuth(options),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 15_000,
    retry: resolveRetry(options.retry),
    headers: options.headers ?? {},
    random: Math.random,
    onRateLimit(rateLimit) {
      latest = rateLimit;
      for (const listener of listeners) {
        try {
          listener(rateLimit);
        } catch (error) {
          // a faulty listener must not fail a call that succeeded (a track has already been charged);
          // it is reported on its own instead of being swallowed
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };

  function sendCall<TData extends object>(spec: RequestSpec<TData>, callOptions?: CallOptions) {
    return send(config, { ...spec, signal: callOptions?.signal, timeoutMs: callOptions?.timeoutMs });
  }

  async function call<TData extends object>(
    spec: RequestSpec<TData>,
    callOptions?: CallOptions,
  ): Promise<WithMeta<TData>> {
    const { data, rateLimit } = await sendCall(spec, callOptions);
    return { ...data, rateLimit };
  }

  return {
    baseUrl,
    get rateLimit() {
      return latest;
    },
    onRateLimit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    trackVideo(input, callOptions) {
      const checked = checkTrackInput(input);
      if (checked instanceof ContentStatsError) return Promise.reject(checked);
      const fallback = {
        video_link: checked.body.video_link,
        platform: checked.platform,
        estimated_cost: checked.estimatedCost,
      };
      // one key for all retries of this call: the API then creates and charges at most one tracking
      const idempotencyKey = callOptions?.idempotencyKey ?? randomKey();
      return call(
        {
          method: 'POST',
          path: '/api/v1/videos/track',
          body: checked.body,
          headers: { 'Idempotency-Key': idempotencyKey },
          idempotencyKey,
          decode: (value) => decodeTrackedVideo(value, fallback),
        },
        callOptions,
      );
    },
    getVideo(id, callOptions) {
      const path = videoPath(id);
      if (path instanceof ContentStatsError) return Promise.reject(path);
      return sendCall({ method: 'GET', path, decode: (v) => decodeVideo(v) }, callOptions).then(
        ({ data, rateLimit, headers, receivedAt }) => ({
          ...data,
          rateLimit,
          freshness: readFreshness(headers, receivedAt, data),
        }),
      );
    },
    listVideos(filter, callOptions) {
      return call(
        {
          method: 'GET',
          path: '/api/v1/videos',
          query: { platform: filter?.platform },
          decode: decodeVideoList,
        },
        callOptions,
      );
    },
    stopTracking(id, callOptions) {
      const path = videoPath(id);
      if (path instanceof ContentStatsError) return Promise.reject(path);
      return call(
        {
          method: 'POST',
          path: `${path}/stop`,
          // a bodyless POST looks like a plain form post; this header lets a same-origin proxy tell them apart (CSRF)
          headers: { 'X-Requested-With': 'contentstats-kit' },
          decode: (v) => decodeVideoSummary(v, 'body') as StopResult,
        },
        callOptions,
      );
    },
    getUsage(callOptions) {
      return call({ method: 'GET', path: '/api/v1/usage', decode: decodeUsage }, callOptions);
    },
  };
}
