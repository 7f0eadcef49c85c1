import type { QueryObserverResult } from '@tanstack/query-core';
import type { ContentStatsError } from '../client/errors.js';
import type { VideoData } from '../query/schedule.js';
import { useVideoQuery } from './internal/useVideoQuery.js';

/** Result of {@link useVideo}: TanStack fields (`data`, `error`, `status`, `isPending`, `refetch`, …). */
export type UseVideoResult = QueryObserverResult<VideoData, ContentStatsError>;

/**
 * A tracked video with its snapshots. Refetches just after the next snapshot can exist and
 * stops once the tracking is finished. Pass `''` to wait for an id.
 */
export function useVideo(id: string): UseVideoResult {
  return useVideoQuery('useVideo', id);
}
