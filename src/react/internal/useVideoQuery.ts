import type { QueryObserverOptions, QueryObserverResult } from '@tanstack/query-core';
import { useEffect, useMemo } from 'react';
import type { ContentStatsError } from '../../client/errors.js';
import { videoQueryOptions } from '../../query/options.js';
import type { VideoData } from '../../query/schedule.js';
import { useContentStatsContext } from '../context.js';
import { useQueryObserver } from './useQueryObserver.js';

/** The video query shared by `useVideo` and `useSnapshots`, with persisted snapshots painted after mount. */
export function useVideoQuery<TData>(
  hookName: string,
  id: string,
  select?: (video: VideoData) => TData,
): QueryObserverResult<TData, ContentStatsError> {
  const ctx = useContentStatsContext(hookName);
  const options = useMemo(
    () =>
      ({ ...videoQueryOptions(ctx, id), ...(select ? { select } : {}) }) as QueryObserverOptions<
        VideoData,
        ContentStatsError,
        TData,
        VideoData,
        readonly unknown[]
      >,
    [ctx, id, select],
  );
  useEffect(() => {
    // after mount, so a server render and the hydrating client render agree (both pending);
    // the fetch that mounting started still revalidates what storage had
    if (id !== '') ctx.restore?.(id);
  }, [ctx, id]);
  return useQueryObserver(ctx.queryClient, options);
}
