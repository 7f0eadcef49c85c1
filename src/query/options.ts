import type { QueryClient, QueryObserverOptions } from '@tanstack/query-core';
import type { ContentStatsClient } from '../client/createClient.js';
import type { ContentStatsError } from '../client/errors.js';
import type { Platform, Usage, Video, VideoList, WithMeta } from '../client/types.js';
import { contentStatsKeys } from './keys.js';
import type { SnapshotPersister } from './persist.js';
import { refetchDelay, videoStaleTime } from './schedule.js';

/** What the query builders need: the client, the query client and the optional persister. */
export interface ContentStatsContext {
  client: ContentStatsClient;
  queryClient: QueryClient;
  /** Cache scope; defaults to the client's base URL. */
  scope: string;
  persister?: SnapshotPersister | undefined;
}

type Key = readonly unknown[];

/** How long the video list and usage stay fresh. */
export const LIST_STALE_MS = 60_000;
export const USAGE_STALE_MS = 30_000;

/**
 * Query options of one video. It refetches just after the next snapshot can exist, stops
 * polling once the tracking is finished, pauses in hidden tabs and waits for the rate-limit
 * reset when the budget is low. Retries are the client's alone.
 */
export function videoQueryOptions(
  ctx: ContentStatsContext,
  id: string,
): QueryObserverOptions<WithMeta<Video>, ContentStatsError, WithMeta<Video>, WithMeta<Video>, Key> {
  const persisted = ctx.persister?.read(ctx.scope, id);
  return {
    queryKey: contentStatsKeys.video(ctx.scope, id),
    queryFn: async ({ signal }) => {
      const video = await ctx.client.getVideo(id, { signal });
      ctx.persister?.write(ctx.scope, video);
      return video;
    },
    // persisted data paints at once; dataUpdateCount 0 means it was never fetched in this page, so revalidate
    ...(persisted
      ? { initialData: { ...persisted.video, rateLimit: null }, initialDataUpdatedAt: persisted.savedAt }
      : {}),
    staleTime: (query) => (query.state.dataUpdateCount === 0 ? 0 : videoStaleTime(query.state.data)),
    refetchInterval: (query) =>
      query.state.data
        ? refetchDelay(query.state.data, {
            rateLimit: ctx.client.rateLimit,
            fetchedAt: query.state.dataUpdatedAt,
          })
        : false,
    refetchIntervalInBackground: false,
    retry: false,
    enabled: id !== '',
  };
}

/** Query options of the tracked-video list. */
export function videoListQueryOptions(
  ctx: ContentStatsContext,
  filter: { platform?: Platform | undefined } = {},
): QueryObserverOptions<
  WithMeta<VideoList>,
  ContentStatsError,
  WithMeta<VideoList>,
  WithMeta<VideoList>,
  Key
> {
  return {
    queryKey: contentStatsKeys.videoList(ctx.scope, filter),
    queryFn: ({ signal }) =>
      ctx.client.listVideos(filter.platform === undefined ? {} : { platform: filter.platform }, { signal }),
    staleTime: LIST_STALE_MS,
    retry: false,
  };
}

/** Query options of the account usage. */
export function usageQueryOptions(
  ctx: ContentStatsContext,
): QueryObserverOptions<WithMeta<Usage>, ContentStatsError, WithMeta<Usage>, WithMeta<Usage>, Key> {
  return {
    queryKey: contentStatsKeys.usage(ctx.scope),
    queryFn: ({ signal }) => ctx.client.getUsage({ signal }),
    staleTime: USAGE_STALE_MS,
    retry: false,
  };
}
