import type { MutationObserverOptions } from '@tanstack/query-core';
import { durationProblem, estimateCost } from '../client/cost.js';
import { ContentStatsError } from '../client/errors.js';
import { parseVideoLink } from '../client/links.js';
import type {
  StopResult,
  TrackedVideo,
  TrackVideoInput,
  Usage,
  Video,
  VideoList,
  WithMeta,
} from '../client/types.js';
import { contentStatsKeys } from './keys.js';
import type { ContentStatsContext } from './options.js';

/** Balance known from the usage cache that can pay for new trackings, or `undefined` when unknown. */
export function knownSpendable(ctx: ContentStatsContext): number | undefined {
  const usage = ctx.queryClient.getQueryData<Usage>(contentStatsKeys.usage(ctx.scope));
  if (!usage) return undefined;
  return usage.available_usd ?? usage.balance_usd;
}

/**
 * Checks a track request without spending anything: the link, the duration and, when the
 * usage is cached, the balance. Resolves the estimated cost, or rejects with the reason.
 */
export function checkTrackInput(ctx: ContentStatsContext, input: TrackVideoInput): ContentStatsError | null {
  const link = parseVideoLink(input.video_link);
  if (!link.ok) return new ContentStatsError({ code: 'invalid_request', message: link.reason });
  const problem = durationProblem(input.duration_days);
  if (problem) return new ContentStatsError({ code: 'invalid_request', message: problem });
  const cost = estimateCost(input.duration_days);
  const spendable = knownSpendable(ctx);
  if (spendable !== undefined && spendable < cost) {
    return new ContentStatsError({
      code: 'insufficient_balance',
      status: 402,
      balance: spendable,
      message: `Insufficient balance: $${spendable.toFixed(2)} left, $${cost.toFixed(2)} needed. Top up your ContentStats balance, or track for fewer days.`,
    });
  }
  return null;
}

function updateLists(
  ctx: ContentStatsContext,
  update: (list: VideoList, platform: string | null) => VideoList,
): void {
  for (const [key, list] of ctx.queryClient.getQueriesData<WithMeta<VideoList>>({
    queryKey: [...contentStatsKeys.videos(ctx.scope), 'list'],
  })) {
    const filter = key[4] as { platform?: string | null } | undefined;
    if (list) ctx.queryClient.setQueryData(key, { ...list, ...update(list, filter?.platform ?? null) });
  }
}

/** Mutation options of tracking a video: checked first, then seeds the video and the lists. */
export function trackVideoMutationOptions(
  ctx: ContentStatsContext,
): MutationObserverOptions<WithMeta<TrackedVideo>, ContentStatsError, TrackVideoInput> {
  return {
    mutationFn: (input) => {
      const problem = checkTrackInput(ctx, input);
      if (problem) return Promise.reject(problem);
      return ctx.client.trackVideo(input);
    },
    // the client already retries with one Idempotency-Key; a second layer could double-track
    retry: false,
    onSuccess: (tracked) => {
      const { rateLimit: _rl, ...summary } = tracked;
      const seeded: Video = { ...summary, snapshots: [] };
      ctx.queryClient.setQueryData(contentStatsKeys.video(ctx.scope, tracked.id), {
        ...seeded,
        rateLimit: null,
      });
      updateLists(ctx, (list, platform) =>
        platform === null || platform === tracked.platform
          ? { videos: [seeded, ...list.videos.filter((v) => v.id !== tracked.id)] }
          : list,
      );
      void ctx.queryClient.invalidateQueries({ queryKey: contentStatsKeys.video(ctx.scope, tracked.id) });
      void ctx.queryClient.invalidateQueries({ queryKey: [...contentStatsKeys.videos(ctx.scope), 'list'] });
      void ctx.queryClient.invalidateQueries({ queryKey: contentStatsKeys.usage(ctx.scope) });
    },
  };
}

interface StopContext {
  previous: WithMeta<Video> | undefined;
  lists: Array<[readonly unknown[], WithMeta<VideoList> | undefined]>;
}

/** Mutation options of stopping a tracking: the status flips at once and rolls back on error. */
export function stopTrackingMutationOptions(
  ctx: ContentStatsContext,
): MutationObserverOptions<WithMeta<StopResult>, ContentStatsError, string, StopContext> {
  return {
    mutationFn: (id) => ctx.client.stopTracking(id),
    retry: false,
    onMutate: async (id) => {
      const videoKey = contentStatsKeys.video(ctx.scope, id);
      // an in-flight refetch would overwrite the optimistic status with the old one
      await ctx.queryClient.cancelQueries({ queryKey: videoKey });
      const previous = ctx.queryClient.getQueryData<WithMeta<Video>>(videoKey);
      const lists = ctx.queryClient.getQueriesData<WithMeta<VideoList>>({
        queryKey: [...contentStatsKeys.videos(ctx.scope), 'list'],
      });
      if (previous) ctx.queryClient.setQueryData(videoKey, { ...previous, status: 'stopped' });
      updateLists(ctx, (list) => ({
        videos: list.videos.map((v) => (v.id === id ? { ...v, status: 'stopped' } : v)),
      }));
      return { previous, lists };
    },
    onError: (_error, id, context) => {
      if (!context) return;
      ctx.queryClient.setQueryData(contentStatsKeys.video(ctx.scope, id), context.previous);
      for (const [key, list] of context.lists) ctx.queryClient.setQueryData(key, list);
    },
    onSettled: (_data, _error, id) => {
      void ctx.queryClient.invalidateQueries({ queryKey: contentStatsKeys.video(ctx.scope, id) });
      void ctx.queryClient.invalidateQueries({ queryKey: [...contentStatsKeys.videos(ctx.scope), 'list'] });
      void ctx.queryClient.invalidateQueries({ queryKey: contentStatsKeys.usage(ctx.scope) });
    },
  };
}
