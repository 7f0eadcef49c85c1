import type { QueryObserverResult } from '@tanstack/query-core';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ContentStatsError } from '../client/errors.js';
import type { RateLimit, Usage } from '../client/types.js';
import { usageQueryOptions } from '../query/options.js';
import { useContentStatsContext } from './context.js';
import { useQueryObserver } from './internal/useQueryObserver.js';

/** Result of {@link useUsage}: the usage query plus the live rate-limit state of the client. */
export type UseUsageResult = QueryObserverResult<Usage, ContentStatsError> & {
  /** Latest rate-limit state seen on any request of this client (`remaining`, `resetAt`). */
  rateLimit: RateLimit | null;
};

/** Balance, plan, concurrent videos and the rate-limit budget. */
export function useUsage(): UseUsageResult {
  const ctx = useContentStatsContext('useUsage');
  const options = useMemo(() => usageQueryOptions(ctx), [ctx]);
  const result = useQueryObserver(ctx.queryClient, options);
  const client = ctx.client;
  const rateLimit = useSyncExternalStore(
    useCallback((onChange: () => void) => client.onRateLimit(onChange), [client]),
    () => client.rateLimit,
    () => client.rateLimit,
  );
  return useMemo(() => withField(result, 'rateLimit', rateLimit), [result, rateLimit]);
}

/**
 * `result` plus one field, without reading the others: spreading a tracked result would mark
 * every field as read, and the component would re-render on all of them.
 */
function withField<TResult extends object, TKey extends string, TValue>(
  result: TResult,
  key: TKey,
  value: TValue,
): TResult & Record<TKey, TValue> {
  return new Proxy(result, {
    get: (target, prop, receiver) => (prop === key ? value : Reflect.get(target, prop, receiver)),
    has: (target, prop) => prop === key || Reflect.has(target, prop),
    ownKeys: (target) => [...Reflect.ownKeys(target), key],
    getOwnPropertyDescriptor: (target, prop) =>
      prop === key
        ? { value, enumerable: true, configurable: true, writable: false }
        : Reflect.getOwnPropertyDescriptor(target, prop),
  }) as TResult & Record<TKey, TValue>;
}
