import {
  notifyManager,
  type QueryClient,
  QueryObserver,
  type QueryObserverOptions,
  type QueryObserverResult,
} from '@tanstack/query-core';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ContentStatsError } from '../../client/errors.js';

/**
 * Subscribes a component to a query-core observer; all logic stays in the observer. `options`
 * must be memoised by the caller: a new object re-arms the observer's timers.
 */
export function useQueryObserver<TQueryFnData, TData>(
  queryClient: QueryClient,
  options: QueryObserverOptions<TQueryFnData, ContentStatsError, TData, TQueryFnData, readonly unknown[]>,
): QueryObserverResult<TData, ContentStatsError> {
  const defaulted = useMemo(() => {
    const value = queryClient.defaultQueryOptions(options);
    // the first render then already reports the fetch it is about to start (isFetching, isLoading)
    value._optimisticResults = 'optimistic';
    return value;
  }, [queryClient, options]);
  // created once; later option changes go through setOptions
  const [observer] = useState(() => new QueryObserver(queryClient, defaulted));
  const result = observer.getOptimisticResult(defaulted);
  useSyncExternalStore(
    useCallback(
      (onStoreChange: () => void) => observer.subscribe(notifyManager.batchCalls(onStoreChange)),
      [observer],
    ),
    () => observer.getCurrentResult(),
    () => observer.getCurrentResult(),
  );
  useEffect(() => {
    observer.setOptions(defaulted);
  }, [defaulted, observer]);
  // tracked: the component re-renders only when a field it has read changes (as TanStack's useBaseQuery)
  return defaulted.notifyOnChangeProps ? result : observer.trackResult(result);
}
