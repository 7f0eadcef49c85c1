import {
  MutationObserver,
  type MutationObserverOptions,
  type MutationObserverResult,
  notifyManager,
  type QueryClient,
} from '@tanstack/query-core';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ContentStatsError } from '../../client/errors.js';

// keeps the status union, so `if (result.isSuccess) result.data` narrows
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A mutation's state plus `mutate` (errors land in `error`) and `mutateAsync` (errors reject). */
export type MutationResult<TData, TVariables> = DistributiveOmit<
  MutationObserverResult<TData, ContentStatsError, TVariables, unknown>,
  'mutate'
> & {
  /** Runs the mutation; a failure shows in `error`, it does not throw. */
  mutate: (variables: TVariables) => void;
  /** Runs the mutation and resolves with its result, or rejects with a `ContentStatsError`. */
  mutateAsync: (variables: TVariables) => Promise<TData>;
};

/** Subscribes a component to a query-core mutation observer. */
export function useMutationObserver<TData, TVariables, TContext>(
  queryClient: QueryClient,
  options: MutationObserverOptions<TData, ContentStatsError, TVariables, TContext>,
): MutationResult<TData, TVariables> {
  const [observer] = useState(() => new MutationObserver(queryClient, options));
  useEffect(() => {
    observer.setOptions(options);
  }, [observer, options]);
  const result = useSyncExternalStore(
    useCallback(
      (onStoreChange: () => void) => observer.subscribe(notifyManager.batchCalls(onStoreChange)),
      [observer],
    ),
    () => observer.getCurrentResult(),
    () => observer.getCurrentResult(),
  );
  const mutateAsync = useCallback((variables: TVariables) => observer.mutate(variables), [observer]);
  const mutate = useCallback(
    (variables: TVariables) => {
      // the error is kept in the observer's state and shown through `error`
      observer.mutate(variables).catch(() => {});
    },
    [observer],
  );
  return {
    ...(result as unknown as MutationObserverResult<TData, ContentStatsError, TVariables, unknown>),
    mutate,
    mutateAsync,
  };
}
