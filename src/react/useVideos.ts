import type { QueryObserverResult } from '@tanstack/query-core';
import { useMemo } from 'react';
import type { ContentStatsError } from '../client/errors.js';
import type { Platform, VideoList } from '../client/types.js';
import { videoListQueryOptions } from '../query/options.js';
import { useContentStatsContext } from './context.js';
import { useQueryObserver } from './internal/useQueryObserver.js';

/** Result of {@link useVideos}. */
export type UseVideosResult = QueryObserverResult<VideoList, ContentStatsError>;

/** The tracked videos, optionally filtered by platform. */
export function useVideos(filter: { platform?: Platform } = {}): UseVideosResult {
  const ctx = useContentStatsContext('useVideos');
  const platform = filter.platform;
  const options = useMemo(() => videoListQueryOptions(ctx, { platform }), [ctx, platform]);
  return useQueryObserver(ctx.queryClient, options);
}
