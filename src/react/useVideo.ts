import type { QueryObserverResult } from '@tanstack/query-core';
import { useMemo } from 'react';
import type { ContentStatsError } from '../client/errors.js';
import type { Video, WithMeta } from '../client/types.js';
import { videoQueryOptions } from '../query/options.js';
import { useContentStatsContext } from './context.js';
import { useQueryObserver } from './internal/useQueryObserver.js';

/** Result of {@link useVideo}: TanStack fields (`data`, `error`, `status`, `isPending`, `refetch`, …). */
export type UseVideoResult = QueryObserverResult<WithMeta<Video>, ContentStatsError>;

/**
 * A tracked video with its snapshots. Refetches just after the next snapshot can exist and
 * stops once the tracking is finished. Pass `''` to wait for an id.
 */
export function useVideo(id: string): UseVideoResult {
  const ctx = useContentStatsContext('useVideo');
  const options = useMemo(() => videoQueryOptions(ctx, id), [ctx, id]);
  return useQueryObserver(ctx.queryClient, options);
}
