import { QueryClient } from '@tanstack/query-core';
import type { ContentStatsClient } from '../client/createClient.js';
import { clientWith } from '../client/internal/client.js';
import { createTokenSource, type TokenSource } from '../client/tokens.js';
import type { ContentStatsContext } from '../query/options.js';
import { tokenScopes } from './tokenScope.js';

/** What every element on a page with the same proxy and token URL shares. */
export interface Connection {
  /** `proxyUrl` and `tokenUrl`, resolved: elements with equal keys share this connection. */
  key: string;
  client: ContentStatsClient;
  queryClient: QueryClient;
  /** Whether the current token allows `scope`; `true` when the token names no scopes. Rejects when no token can be had. */
  allows(scope: string): Promise<boolean>;
  /** `true` when tokens come from a token endpoint. */
  hasTokens: boolean;
  /** What the hooks read from React context (what `<ContentStatsProvider>` would give them). */
  context: ContentStatsContext;
  /**
   * Marks one more element as using the cache; call the returned function when it stops. While
   * any does, the cache follows focus and online events (refetch on return, pause offline).
   */
  retain(): () => void;
}

const connections = new Map<string, Connection>();

function resolve(url: string, base: string): string {
  try {
    return new URL(url, base).href.replace(/\/+$/, '');
  } catch {
    return url;
  }
}

/**
 * The shared client and cache for a proxy and token URL: ten elements on three videos make
 * three requests, because they read one cache through one client with one token.
 */
export function connectionFor(proxyUrl: string, tokenUrl: string | undefined, baseUri: string): Connection {
  const baseUrl = resolve(proxyUrl, baseUri);
  const resolvedTokenUrl = tokenUrl === undefined ? undefined : resolve(tokenUrl, baseUri);
  const key = `${baseUrl} ${resolvedTokenUrl ?? ''}`;
  const existing = connections.get(key);
  if (existing) return existing;

  const tokens: TokenSource | null = resolvedTokenUrl
    ? createTokenSource({ tokenUrl: resolvedTokenUrl })
    : null;
  // the client core, not createClient: no API key or server environment to read here. With the
  // token source itself as auth, a refused token is dropped and the one retry after a 401 gets a
  // fresh one; the tracker reads the same source's token for its scopes
  const client = clientWith({
    baseUrl,
    auth: tokens ? { kind: 'token', source: tokens } : { kind: 'none' },
  });
  const queryClient = new QueryClient();
  let users = 0;
  const connection: Connection = {
    key,
    client,
    queryClient,
    hasTokens: tokens !== null,
    context: { client, queryClient, scope: client.baseUrl },
    retain() {
      if (users++ === 0) queryClient.mount();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--users === 0) queryClient.unmount();
      };
    },
    async allows(scope) {
      if (!tokens) return false;
      const scopes = tokenScopes(await tokens.get());
      return scopes === null || scopes.includes(scope);
    },
  };
  connections.set(key, connection);
  return connection;
}
