import { QueryClient } from '@tanstack/query-core';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { type ContentStatsClient, createClient } from '../client/createClient.js';
import type { Labels } from '../components/internal/labels.js';
import { ContentStatsUiContext, type ContentStatsUiSettings } from '../components/internal/ui.js';
import type { ContentStatsContext } from '../query/options.js';
import { createSnapshotPersister, type SnapshotPersister, type SnapshotStorage } from '../query/persist.js';
import { restorePersisted } from '../query/restore.js';
import type { ThemeProp } from '../theme/index.js';
import { ContentStatsReactContext } from './context.js';

/** Props of {@link ContentStatsProvider}. */
export interface ContentStatsProviderProps {
  /** A client from `createClient`. When absent, one is made from `baseUrl` and `tokenUrl`. */
  client?: ContentStatsClient;
  /** Your proxy's mount path, e.g. `/api/contentstats` (shorthand for a client). */
  baseUrl?: string;
  /** Your token endpoint (shorthand for a client with scoped tokens). */
  tokenUrl?: string;
  /**
   * Who the cached data belongs to, e.g. the signed-in user's id. Behind a same-origin proxy every
   * user has the same base URL: a scope keeps one user's videos out of the next user's cache and
   * storage. To switch users, change it together with the provider's `key`.
   */
  scope?: string;
  /** Share an existing TanStack `QueryClient`; a private one is made otherwise. */
  queryClient?: QueryClient;
  /**
   * Keep fetched snapshots across reloads: `true` for `localStorage`, or your own storage or
   * persister. Off by default. @defaultValue false
   */
  persist?: boolean | SnapshotStorage | SnapshotPersister;
  /**
   * Theme of every component below: `'light'`, `'dark'`, `'auto'` (follows the viewer's
   * `prefers-color-scheme`), or an object overriding any token, e.g.
   * `{ base: 'dark', color: { accent: '#7c3aed' } }`. A component's own `theme` prop wins.
   * @defaultValue 'auto'
   */
  theme?: ThemeProp;
  /**
   * BCP 47 locale of every number and date the components show, e.g. `'de-DE'`.
   * @defaultValue the viewer's locale
   */
  locale?: string;
  /** Replacements for any of the components' English strings; a component's own `labels` are merged over these. */
  labels?: Partial<Labels>;
  children?: ReactNode;
}

function resolvePersister(persist: ContentStatsProviderProps['persist']): SnapshotPersister | undefined {
  if (!persist) return undefined;
  if (persist === true) {
    // SSR and locked-down browsers have no localStorage: persistence quietly stays off there
    try {
      return typeof window !== 'undefined' && window.localStorage
        ? createSnapshotPersister({ storage: window.localStorage })
        : undefined;
    } catch {
      return undefined;
    }
  }
  if ('read' in persist && 'write' in persist) return persist;
  return createSnapshotPersister({ storage: persist });
}

/**
 * Gives the hooks and components below it a client and a shared cache. `client`, `baseUrl`,
 * `tokenUrl`, `queryClient` and `persist` are read once, on mount: remount (a new `key`) to change them.
 */
export function ContentStatsProvider(props: ContentStatsProviderProps) {
  const [client] = useState(
    () =>
      props.client ??
      createClient({
        ...(props.baseUrl !== undefined ? { baseUrl: props.baseUrl } : {}),
        ...(props.tokenUrl !== undefined ? { tokenUrl: props.tokenUrl } : {}),
      }),
  );
  const [queryClient] = useState(() => props.queryClient ?? new QueryClient());
  const [persister] = useState(() => resolvePersister(props.persist));

  useEffect(() => {
    // mounting subscribes the cache to focus and online events (refetch on return, pause offline)
    queryClient.mount();
    return () => queryClient.unmount();
  }, [queryClient]);

  const value = useMemo<ContentStatsContext>(() => {
    const scope = props.scope ? `${client.baseUrl}#${props.scope}` : client.baseUrl;
    return {
      client,
      queryClient,
      scope,
      persister,
      restore: persister && ((id: string) => restorePersisted(queryClient, persister, scope, id)),
    };
  }, [client, queryClient, persister, props.scope]);
  const { theme = 'auto', locale, labels } = props;
  const ui = useMemo<ContentStatsUiSettings>(
    () => ({ theme, locale, labels: labels ?? {} }),
    [theme, locale, labels],
  );
  return (
    <ContentStatsReactContext.Provider value={value}>
      <ContentStatsUiContext.Provider value={ui}>{props.children}</ContentStatsUiContext.Provider>
    </ContentStatsReactContext.Provider>
  );
}
