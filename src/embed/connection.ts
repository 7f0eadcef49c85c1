import { QueryClient } from '@tanstack/query-core';
import { type ContentStatsClient, createClient } from '../client/createClient.js';
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

function bearerOf(init: RequestInit | undefined): string | null {
  const value = new Headers(init?.headers).get('authorization');
  return value?.startsWith('Bearer ') ? value.slice(7) : null;
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
  const client = createClient({
    baseUrl,
    // our own token source (not `tokenUrl`), so the tracker can read the token's scopes
    ...(tokens ? { token: () => tokens.get() } : {}),
    fetch: async (input, init) => {
      const response = await globalThis.fetch(input, init);
      // a refused token is dropped, so the client's one retry after a 401 fetches a fresh one
      if (response.status === 401 && tokens) {
        const bearer = bearerOf(init);
        if (bearer) tokens.invalidate(bearer);
      }
      return response;
    },
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
