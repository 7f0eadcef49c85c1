import {
  notifyManager,
  type QueryClient,
  QueryObserver,
  type QueryObserverOptions,
  type QueryObserverResult,
} from '@tanstack/query-core';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ContentStatsError } from '../../client/errors.js';

/** Subscribes a component to a query-core observer; all logic stays in the observer. */
export function useQueryObserver<TQueryFnData, TData>(
  queryClient: QueryClient,
  options: QueryObserverOptions<TQueryFnData, ContentStatsError, TData, TQueryFnData, readonly unknown[]>,
): QueryObserverResult<TData, ContentStatsError> {
  const defaulted = queryClient.defaultQueryOptions(options);
  // the first render then already reports the fetch it is about to start (isFetching, isLoading)
  defaulted._optimisticResults = 'optimistic';
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
  return result;
}
