import type { MutationObserverOptions } from '@tanstack/query-core';
import { ContentStatsError } from '../client/errors.js';
import { randomKey } from '../client/internal/randomKey.js';
import { checkTrackInput, insufficientBalanceMessage } from '../client/trackInput.js';
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
import { type ContentStatsContext, USAGE_STALE_MS, withoutMeta } from './options.js';

/**
 * Spendable balance from the usage cache when it is fresh enough to act on (fetched within
 * {@link USAGE_STALE_MS} and not invalidated), else `undefined`: a stale figure must not refuse a
 * track after a top-up.
 */
export function freshSpendable(ctx: ContentStatsContext, now: number = Date.now()): number | undefined {
  const state = ctx.queryClient.getQueryState<Usage, ContentStatsError>(contentStatsKeys.usage(ctx.scope));
  if (!state?.data || state.isInvalidated || now - state.dataUpdatedAt > USAGE_STALE_MS) return undefined;
  return state.data.available_usd ?? state.data.balance_usd;
}

/**
 * Why a track request would be refused, without spending anything: the link, the duration and,
 * when fresh usage is cached, the balance. `null` when it may go ahead.
 */
export function trackProblem(ctx: ContentStatsContext, input: TrackVideoInput): ContentStatsError | null {
  const checked = checkTrackInput(input);
  if (checked instanceof ContentStatsError) return checked;
  const spendable = freshSpendable(ctx);
  if (spendable !== undefined && spendable < checked.estimatedCost) {
    return new ContentStatsError({
      code: 'insufficient_balance',
      status: 402,
      balance: spendable,
      message: insufficientBalanceMessage(spendable, checked.estimatedCost),
    });
  }
  return null;
}

const LIST_PREFIX = (ctx: ContentStatsContext) => [...contentStatsKeys.videos(ctx.scope), 'list'];

function updateLists(
  ctx: ContentStatsContext,
  update: (list: VideoList, platform: string | null) => VideoList,
): void {
  for (const [key, list] of ctx.queryClient.getQueriesData<VideoList>({ queryKey: LIST_PREFIX(ctx) })) {
    const filter = key[4] as { platform?: string | null } | undefined;
    if (list) ctx.queryClient.setQueryData(key, update(list, filter?.platform ?? null));
  }
}

/** After a write to video `id`: it, every list and the usage are stale, and fetched again where shown. */
function refetchAfterWrite(ctx: ContentStatsContext, id: string): void {
  void ctx.queryClient.invalidateQueries({ queryKey: contentStatsKeys.video(ctx.scope, id) });
  void ctx.queryClient.invalidateQueries({ queryKey: LIST_PREFIX(ctx) });
  void ctx.queryClient.invalidateQueries({ queryKey: contentStatsKeys.usage(ctx.scope) });
}

/** How long a repeated submit of the same link and duration reuses its Idempotency-Key. */
export const RESUBMIT_WINDOW_MS = 60_000;
/** After a failure that may have been applied, how long a resubmit keeps the key (the API may have tracked it). */
export const UNKNOWN_OUTCOME_WINDOW_MS = 24 * 3_600_000;

/** What `useTrackVideo().mutate` takes: the track input, and optionally the key of an earlier attempt. */
export type TrackVariables = TrackVideoInput & {
  /** Resubmit the same logical call: the key from a failed attempt's `error.idempotencyKey`. */
  idempotencyKey?: string | undefined;
};

/**
 * Mutation options of tracking a video: checked first; a double submit of the same input reuses
 * one Idempotency-Key, and so does a resubmit after a failure that may have been applied
 * (`error.outcome === 'unknown'`), so neither can create or charge a second tracking; on success
 * the video and the lists are seeded.
 */
export function trackVideoMutationOptions(
  ctx: ContentStatsContext,
): MutationObserverOptions<WithMeta<TrackedVideo>, ContentStatsError, TrackVariables> {
  const recent = new Map<string, { key: string; until: number }>();
  return {
    mutationFn: async ({ idempotencyKey, ...input }) => {
      const problem = trackProblem(ctx, input);
      if (problem) throw problem;
      const signature = JSON.stringify([input.video_link.trim(), input.duration_days]);
      const now = Date.now();
      for (const [sig, entry] of recent) if (entry.until < now) recent.delete(sig);
      const entry = recent.get(signature) ?? { key: randomKey(), until: 0 };
      if (idempotencyKey !== undefined) entry.key = idempotencyKey;
      entry.until = Math.max(entry.until, now + RESUBMIT_WINDOW_MS);
      recent.set(signature, entry);
      try {
        return await ctx.client.trackVideo(input, { idempotencyKey: entry.key });
      } catch (error) {
        if (error instanceof ContentStatsError) {
          // a definite refusal may be retried as a new request; one that may have been applied keeps
          // its key, so a resubmit is answered with the first tracking instead of making a second
          if (error.outcome === 'not_applied') recent.delete(signature);
          else entry.until = now + UNKNOWN_OUTCOME_WINDOW_MS;
        }
        throw error;
      }
    },
    // the client already retries with one Idempotency-Key; a second layer could double-track
    retry: false,
    onSuccess: (tracked) => {
      const seeded: Video = { ...withoutMeta(tracked), snapshots: [] };
      const videoKey = contentStatsKeys.video(ctx.scope, tracked.id);
      if (!ctx.queryClient.getQueryData(videoKey)) ctx.queryClient.setQueryData(videoKey, seeded);
      updateLists(ctx, (list, platform) =>
        platform === null || platform === tracked.platform
          ? { videos: [seeded, ...list.videos.filter((v) => v.id !== tracked.id)] }
          : list,
      );
      refetchAfterWrite(ctx, tracked.id);
    },
  };
}

interface StopContext {
  /** Status of the video before the optimistic change, per cache entry that showed it. */
  previousStatus: string | undefined;
}

function setStatus(ctx: ContentStatsContext, id: string, status: string | undefined): void {
  if (status === undefined) return;
  const videoKey = contentStatsKeys.video(ctx.scope, id);
  const video = ctx.queryClient.getQueryData<Video>(videoKey);
  if (video) ctx.queryClient.setQueryData(videoKey, { ...video, status });
  updateLists(ctx, (list) => ({ videos: list.videos.map((v) => (v.id === id ? { ...v, status } : v)) }));
}

/** Mutation options of stopping a tracking: the status flips at once and rolls back on error. */
export function stopTrackingMutationOptions(
  ctx: ContentStatsContext,
): MutationObserverOptions<WithMeta<StopResult>, ContentStatsError, string, StopContext> {
  return {
    mutationFn: (id) => ctx.client.stopTracking(id),
    retry: false,
    onMutate: async (id) => {
      // refetches in flight would overwrite the optimistic status with the old one
      await Promise.all([
        ctx.queryClient.cancelQueries({ queryKey: contentStatsKeys.video(ctx.scope, id) }),
        ctx.queryClient.cancelQueries({ queryKey: LIST_PREFIX(ctx) }),
      ]);
      const previous =
        ctx.queryClient.getQueryData<Video>(contentStatsKeys.video(ctx.scope, id))?.status ??
        ctx.queryClient
          .getQueriesData<VideoList>({ queryKey: LIST_PREFIX(ctx) })
          .flatMap(([, list]) => list?.videos ?? [])
          .find((v) => v.id === id)?.status;
      setStatus(ctx, id, 'stopped');
      return { previousStatus: previous };
    },
    // only this video's status is put back: whatever else changed meanwhile (a new track) stays
    onError: (_error, id, context) => setStatus(ctx, id, context?.previousStatus),
    onSettled: (_data, _error, id) => {
      refetchAfterWrite(ctx, id);
    },
  };
}
