import { VIDEO_ID_PATTERN } from '../../shared/videoId.js';
import type { CallOptions, ClientOptions, ContentStatsClient } from '../createClient.js';
import { ContentStatsError } from '../errors.js';
import { readFreshness } from '../freshness.js';
import { checkTrackInput } from '../trackInput.js';
import type { RateLimit, StopResult, WithMeta } from '../types.js';
import { resolveRetry } from './backoff.js';
import {
  decodeTrackedVideo,
  decodeUsage,
  decodeVideo,
  decodeVideoList,
  decodeVideoSummary,
} from './decode.js';
import { randomKey } from './randomKey.js';
import { type Auth, type RequestSpec, send, type TransportConfig } from './transport.js';

/**
 * What the client is built from once `createClient` has read its options and the environment:
 * an origin and one way to authenticate. The script-tag embed builds its clients from this
 * directly, with its own token source; it never has an API key or server environment to read,
 * so that code stays out of dist/embed.js.
 */
export type ClientConfig = Pick<ClientOptions, 'fetch' | 'timeoutMs' | 'retry' | 'headers'> & {
  /** API origin or proxy mount path; a trailing slash is dropped. */
  baseUrl: string;
  auth: Auth;
};

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

/** The client: every endpoint as a method, sent through the transport (auth, timeouts, retries). */
export function clientWith(options: ClientConfig): ContentStatsClient {
  const listeners = new Set<(rateLimit: RateLimit) => void>();
  let latest: RateLimit | null = null;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const config: TransportConfig = {
    baseUrl,
    auth: options.auth,
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
