import { useCallback, useMemo } from 'react';
import { estimateCost as costOf, durationProblem } from '../client/cost.js';
import type { ContentStatsError } from '../client/errors.js';
import type { TrackedVideo, TrackVideoInput, WithMeta } from '../client/types.js';
import {
  freshSpendable,
  type TrackVariables,
  trackProblem,
  trackVideoMutationOptions,
} from '../query/mutations.js';
import { usageQueryOptions } from '../query/options.js';
import { useContentStatsContext } from './context.js';
import { type MutationResult, useMutationObserver } from './internal/useMutationObserver.js';
import { useQueryObserver } from './internal/useQueryObserver.js';

/** Result of {@link useTrackVideo}. */
export type UseTrackVideoResult = MutationResult<WithMeta<TrackedVideo>, TrackVariables> & {
  /**
   * Submits the last input again as the same logical call (same `Idempotency-Key`), for a "Try
   * again" button: after a failure that may have been applied, the API answers with the tracking it
   * made instead of making and charging a second one. Does nothing before a first submit.
   */
  retry: () => void;
  /** Estimated cost in USD of tracking for `durationDays`, or `null` for a duration the API refuses. */
  estimateCost: (durationDays: number) => number | null;
  /** Why this input would be refused (bad link, bad duration, known balance too low), or `null`. */
  check: (input: TrackVideoInput) => ContentStatsError | null;
  /** Spendable balance from recently fetched usage, or `undefined` when none is fresh. */
  knownBalance: number | undefined;
};

/**
 * Starts tracking a video. The link, duration and known balance are checked before any
 * request; a double submit cannot track twice; on success the video and the lists are seeded.
 */
export function useTrackVideo(): UseTrackVideoResult {
  const ctx = useContentStatsContext('useTrackVideo');
  const options = useMemo(() => trackVideoMutationOptions(ctx), [ctx]);
  const mutation = useMutationObserver(ctx.queryClient, options);
  // watches usage without fetching it, so knownBalance follows whatever part of the page loads it
  const usageOptions = useMemo(() => ({ ...usageQueryOptions(ctx), enabled: false }), [ctx]);
  useQueryObserver(ctx.queryClient, usageOptions);
  const estimateCost = useCallback((days: number) => (durationProblem(days) ? null : costOf(days)), []);
  const check = useCallback((input: TrackVideoInput) => trackProblem(ctx, input), [ctx]);
  const { variables, error, mutate } = mutation;
  const retry = useCallback(() => {
    if (!variables) return;
    mutate({ ...variables, idempotencyKey: error?.idempotencyKey ?? variables.idempotencyKey });
  }, [variables, error, mutate]);
  return { ...mutation, retry, estimateCost, check, knownBalance: freshSpendable(ctx) };
}
