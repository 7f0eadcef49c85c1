import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { createMockApi } from '../../src/mock/engine';
import { createHandlers } from '../../src/mock/msw';
import type { MockApi, MockApiKey } from '../../src/mock/types';
import { ContentStatsProvider } from '../../src/react/ContentStatsProvider';

export const BASE = 'http://api.test';

/** One MSW server per test file, answering with the local API engine. */
export function startMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    server.resetHandlers();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    server.close();
    // under preact/compat, effects are scheduled on animation frames with a 100 ms fallback: let
    // them run while jsdom's globals still exist (as the hooks suite does)
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
  return server;
}

/** A fresh local API behind MSW, and a provider wrapper with a client for it. */
export function setupApi(
  server: ReturnType<typeof setupServer>,
  keys: MockApiKey[] = [{ key: 'cs_demo_key', plan: 'pro', balance_usd: 100 }],
  providerProps: { locale?: string } = {},
) {
  const api: MockApi = createMockApi({ keys, clock: () => Date.now(), wallClock: () => Date.now() });
  server.use(...createHandlers(api, { baseUrl: BASE }));
  const client = createClient({
    baseUrl: BASE,
    apiKey: keys[0]?.key ?? '',
    dangerouslyAllowBrowser: true,
    retry: { retries: 1, baseDelayMs: 1 },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ContentStatsProvider client={client} {...providerProps}>
      {children}
    </ContentStatsProvider>
  );
  return { api, client, wrapper };
}

/** Text as a reader sees it: Intl's (narrow) no-break spaces become plain spaces. */
export function seen(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}
