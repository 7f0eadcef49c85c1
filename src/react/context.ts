import { createContext, useContext } from 'react';
import type { ContentStatsContext } from '../query/options.js';

/** React context carrying the client, the query client and the persister. */
export const ContentStatsReactContext = createContext<ContentStatsContext | null>(null);
ContentStatsReactContext.displayName = 'ContentStatsContext';

/**
 * The provider's context, or a loud error naming the hook that was used outside it.
 * @internal
 */
export function useContentStatsContext(hookName: string): ContentStatsContext {
  const ctx = useContext(ContentStatsReactContext);
  if (!ctx) throw new Error(`${hookName}() must be used inside <ContentStatsProvider>.`);
  return ctx;
}

/** The client and query client of the nearest `<ContentStatsProvider>`. */
export function useContentStats(): ContentStatsContext {
  return useContentStatsContext('useContentStats');
}
