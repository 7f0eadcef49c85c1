import { useSyncExternalStore } from 'react';
import { ContentStatsError } from '../../client/errors.js';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

/** `false` while the browser reports it is offline; re-renders when that changes. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, () => true);
}

/** What a query or mutation result looks like to a view. */
interface ResultLike<TError> {
  status: string;
  error: TError | null;
  data?: unknown;
  fetchStatus?: string;
  isPaused?: boolean;
}

/**
 * A query that cannot start because the browser is offline stays "pending" and "paused" (TanStack
 * waits for the network to come back): shown as the network error it is, not as an endless
 * skeleton. It fetches by itself once the browser is back online.
 */
export function offlineAware<TStatus extends string, TError>(
  result: ResultLike<TError> & { status: TStatus },
): { status: TStatus | 'error'; error: TError | ContentStatsError | null } {
  const paused = result.fetchStatus === 'paused' || result.isPaused === true;
  if (paused && result.status === 'pending' && result.data === undefined) {
    return {
      status: 'error',
      error: new ContentStatsError({ code: 'network', status: 0, message: 'The browser is offline.' }),
    };
  }
  return { status: result.status, error: result.error };
}
