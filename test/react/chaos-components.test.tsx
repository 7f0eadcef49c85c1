// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { UsageMeter } from '../../src/components/index';
import { defaultLabels } from '../../src/components/internal/labels';
import { DEMO_API_KEY } from '../../src/mock/constants';
import { createMockApi } from '../../src/mock/engine';
import { createHandlers } from '../../src/mock/msw';
import type { MockChaos, MockChaosKind, MockChaosOptions } from '../../src/mock/types';
import { ContentStatsProvider } from '../../src/react/index';

// A connected component (UsageMeter) while the local API fails on purpose: each fault shows its own
// error state, nothing leaks to the console, and Retry brings the data once the API is well again.

const BASE = 'http://api.test';
const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  msw.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => msw.close());

function setup(chaos: MockChaosOptions): MockChaos {
  const api = createMockApi({
    keys: [{ key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 }],
    clock: () => Date.now(),
    wallClock: () => Date.now(),
    chaos,
  });
  msw.use(...createHandlers(api, { baseUrl: BASE }));
  const client = createClient({
    baseUrl: BASE,
    apiKey: DEMO_API_KEY,
    dangerouslyAllowBrowser: true,
    timeoutMs: 150,
    retry: { retries: 1, baseDelayMs: 1, maxRetryAfterMs: 100 },
  });
  render(
    <ContentStatsProvider client={client}>
      <UsageMeter />
    </ContentStatsProvider>,
  );
  if (!api.chaos) throw new Error('the engine was made with chaos');
  return api.chaos;
}

const cases: [MockChaosKind, string, string][] = [
  ['error', 'server', defaultLabels.errorTitle],
  ['resetBefore', 'network', defaultLabels.errorTitleNetwork],
  ['resetAfter', 'network', defaultLabels.errorTitleNetwork],
  ['truncate', 'invalid_response', defaultLabels.errorTitleInvalidResponse],
  ['malformed', 'invalid_response', defaultLabels.errorTitleInvalidResponse],
  ['stall', 'timeout', defaultLabels.errorTitleTimeout],
  ['burst429', 'rate_limited', defaultLabels.errorTitleRateLimited],
];

describe('UsageMeter under chaos', () => {
  it.each(cases)(
    '%s shows the %s state, then Retry recovers once the API is well',
    async (kind, code, title) => {
      const consoleError = vi.spyOn(console, 'error');
      const chaos = setup({ [kind]: 1, burstLength: 1, retryAfterSeconds: 1 });
      const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
      expect(alert.textContent).toContain(title);
      expect(alert.closest('[data-error-code]')?.getAttribute('data-error-code')).toBe(code);
      // the client tries twice (its one retry), except where a retry cannot help: an unreadable answer
      // to a read (no key makes a repeat safe to hide) and a 429 whose reset is past its limit
      const once = kind === 'burst429' || kind === 'truncate' || kind === 'malformed';
      expect(chaos.log).toHaveLength(once ? 1 : 2);

      chaos.clear();
      // a 429 offers Retry only once its reset has passed
      fireEvent.click(await screen.findByRole('button', { name: defaultLabels.retry }, { timeout: 3000 }));
      expect(await screen.findByText('Pro')).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(consoleError).not.toHaveBeenCalled();
    },
  );
});
