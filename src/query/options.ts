import type { QueryClient, QueryObserverOptions } from '@tanstack/query-core';
import type { ContentStatsClient } from '../client/createClient.js';
import type { ContentStatsError } from '../client/errors.js';
import type { Platform, ResponseMeta, Usage, VideoList } from '../client/types.js';
import { contentStatsKeys } from './keys.js';
import type { SnapshotPersister } from './persist.js';
import { failureBackoff, refetchDelay, type VideoData, videoStaleTime } from './schedule.js';

/** What the query builders need: the client, the query client and the optional persister. */
export interface ContentStatsContext {
  client: ContentStatsClient;
  queryClient: QueryClient;
  /** Cache scope: the client's base URL, plus the provider's `scope` (e.g. a user id) when given. */
  scope: string;
  persister?: SnapshotPersister | undefined;
  /**
   * Puts what the persister kept of a video into the cache (see `restorePersisted`); set with
   * `persister`. The hooks call it after mounting. Out of the context, the embed (which never
   * persists) leaves the code out of its script.
   */
  restore?: ((id: string) => void) | undefined;
}

type Key = readonly unknown[];

/** How long the video list and usage stay fresh. */
export const LIST_STALE_MS = 60_000;
export const USAGE_STALE_MS = 30_000;

/** Errors after which polling stops: asking again cannot succeed until someone acts. */
const FINAL_CODES = new Set(['unauthorized', 'forbidden', 'not_found']);

/**
 * Cached data carries no response metadata: the rate limit changes on every response and
 * would defeat structural sharing; it lives on the client (`client.rateLimit`, `useUsage`).
 */
export function withoutMeta<TData extends object>(result: TData & Partial<ResponseMeta>): TData {
  const { rateLimit: _meta, ...data } = result;
  return data as TData;
}

// failed fetches in a row per video; query-core resets its own failure count on every fetch
const streaks = new WeakMap<ContentStatsContext, Map<string, number>>();
function streakOf(ctx: ContentStatsContext): Map<string, number> {
  let map = streaks.get(ctx);
  if (!map) {
    map = new Map();
    streaks.set(ctx, map);
  }
  return map;
}

/** How long after a failed first load to try again: the failed-poll backoff, or until a 429's reset if later. */
function failedLoadDelay(error: ContentStatsError, failures: number): number {
  return Math.max(failureBackoff(failures), error.retryAt === undefined ? 0 : error.retryAt - Date.now());
}

/**
 * Query options of one video. It refetches just after the server says the next snapshot can exist
 * (`Cache-Control: max-age`, relative to when the response arrived), stays fresh until then, stops
 * polling once the tracking is finished or refused, backs off after failures, pauses in hidden
 * tabs and waits for the rate-limit reset when the budget is low. Retries are the client's alone.
 */
export function videoQueryOptions(
  ctx: ContentStatsContext,
  id: string,
): QueryObserverOptions<VideoData, ContentStatsError, VideoData, VideoData, Key> {
  return {
    queryKey: contentStatsKeys.video(ctx.scope, id),
    queryFn: async ({ signal }) => {
      const failures = streakOf(ctx);
      try {
        // freshness stays with the data: it says when this copy stops being current
        const video: VideoData = withoutMeta(await ctx.client.getVideo(id, { signal }));
        failures.delete(id);
        ctx.persister?.write(ctx.scope, video);
        return video;
      } catch (error) {
        failures.set(id, (failures.get(id) ?? 0) + 1);
        throw error;
      }
    },
    staleTime: (query) => videoStaleTime(query.state.data, query.state.dataUpdatedAt),
    refetchInterval: (query) => {
      const { data, error, dataUpdatedAt, errorUpdatedAt } = query.state;
      if (error && FINAL_CODES.has(error.code)) return false;
      const failures = error ? (streakOf(ctx).get(id) ?? 1) : 0;
      // a first load that failed is tried again on the backoff of a failed poll, never before a 429's
      // reset: without it a page that opened during an outage stayed on the error until a click
      if (!data) return error ? failedLoadDelay(error, failures) : false;
      return refetchDelay(data, {
        rateLimit: ctx.client.rateLimit,
        fetchedAt: Math.max(dataUpdatedAt, errorUpdatedAt),
        failures,
      });
    },
    refetchIntervalInBackground: false,
    retry: false,
    enabled: id !== '',
  };
}

/** Query options of the tracked-video list. */
export function videoListQueryOptions(
  ctx: ContentStatsContext,
  filter: { platform?: Platform | undefined } = {},
): QueryObserverOptions<VideoList, ContentStatsError, VideoList, VideoList, Key> {
  return {
    queryKey: contentStatsKeys.videoList(ctx.scope, filter),
    queryFn: async ({ signal }) =>
      withoutMeta(
        await ctx.client.listVideos(filter.platform === undefined ? {} : { platform: filter.platform }, {
          signal,
        }),
      ),
    staleTime: LIST_STALE_MS,
    retry: false,
  };
}

/** Query options of the account usage. */
export function usageQueryOptions(
  ctx: ContentStatsContext,
): QueryObserverOptions<Usage, ContentStatsError, Usage, Usage, Key> {
  return {
    queryKey: contentStatsKeys.usage(ctx.scope),
    queryFn: async ({ signal }) => withoutMeta(await ctx.client.getUsage({ signal })),
    staleTime: USAGE_STALE_MS,
    retry: false,
  };
}
