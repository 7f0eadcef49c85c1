import { useCallback, useMemo } from 'react';
import { estimateCost as costOf, durationProblem } from '../client/cost.js';
import type { ContentStatsError } from '../client/errors.js';
import type { TrackedVideo, TrackVideoInput, WithMeta } from '../client/types.js';
import { checkTrackInput, knownSpendable, trackVideoMutationOptions } from '../query/mutations.js';
import { useContentStatsContext } from './context.js';
import { type MutationResult, useMutationObserver } from './internal/useMutationObserver.js';

/** Result of {@link useTrackVideo}. */
export type UseTrackVideoResult = MutationResult<WithMeta<TrackedVideo>, TrackVideoInput> & {
  /** Estimated cost in USD of tracking for `durationDays`, or `null` for a duration the API refuses. */
  estimateCost: (durationDays: number) => number | null;
  /** Why this input would be refused (bad link, bad duration, known balance too low), or `null`. */
  check: (input: TrackVideoInput) => ContentStatsError | null;
  /** Spendable balance known from the usage cache, or `undefined` when usage was not fetched. */
  knownBalance: number | undefined;
};

/**
 * Starts tracking a video. The link, duration and known balance are checked before any
 * request; on success the video and the lists are seeded in the cache.
 */
export function useTrackVideo(): UseTrackVideoResult {
  const ctx = useContentStatsContext('useTrackVideo');
  const options = useMemo(() => trackVideoMutationOptions(ctx), [ctx]);
  const mutation = useMutationObserver(ctx.queryClient, options);
  const estimateCost = useCallback((days: number) => (durationProblem(days) ? null : costOf(days)), []);
  const check = useCallback((input: TrackVideoInput) => checkTrackInput(ctx, input), [ctx]);
  return { ...mutation, estimateCost, check, knownBalance: knownSpendable(ctx) };
}
