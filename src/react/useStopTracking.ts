import { useMemo } from 'react';
import type { StopResult, WithMeta } from '../client/types.js';
import { stopTrackingMutationOptions } from '../query/mutations.js';
import { useContentStatsContext } from './context.js';
import { type MutationResult, useMutationObserver } from './internal/useMutationObserver.js';

/** Result of {@link useStopTracking}; `mutate(id)` stops the video with that id. */
export type UseStopTrackingResult = MutationResult<WithMeta<StopResult>, string>;

/** Stops a tracking early. The status shows `stopped` at once and rolls back if the API refuses. */
export function useStopTracking(): UseStopTrackingResult {
  const ctx = useContentStatsContext('useStopTracking');
  const options = useMemo(() => stopTrackingMutationOptions(ctx), [ctx]);
  return useMutationObserver(ctx.queryClient, options);
}
