// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { DEMO_API_KEY, FIXTURE_IDS } from '../../src/mock/constants';
import { createMockApi } from '../../src/mock/engine';
import { createHandlers } from '../../src/mock/msw';
import type { MockApi, MockChaos } from '../../src/mock/types';
import { ContentStatsProvider, useSnapshots } from '../../src/react/index';

// A page on useSnapshots while the local API fails on purpose (chaos inside the engine, served by
// MSW): the error shows during the outage, the last data stays, and the page comes back by itself.

const BASE = 'http://api.test';
const MINUTE = 60_000;
const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  msw.resetHandlers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(() => msw.close());

function Page({ id }: { id: string }) {
  const { data, error } = useSnapshots(id);
  return (
    <section data-testid="page" data-state={error ? 'error' : data ? 'ready' : 'loading'}>
      {error ? <p role="alert">{`Could not refresh: ${error.code} ${error.status}`}</p> : null}
      {data ? <p data-testid="count">{`${data.points.length} snapshots`}</p> : null}
    </section>
  );
}

function setup(): { api: MockApi; chaos: MockChaos } {
  const api = createMockApi({
    keys: [{ key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 }],
    clock: () => Date.now(),
    wallClock: () => Date.now(),
    chaos: {},
  });
  msw.use(...createHandlers(api, { baseUrl: BASE }));
  const client = createClient({
    baseUrl: BASE,
    apiKey: DEMO_API_KEY,
    dangerouslyAllowBrowser: true,
    retry: { retries: 2, baseDelayMs: 100 },
  });
  render(
    <ContentStatsProvider client={client}>
      <Page id={FIXTURE_IDS.viral} />
    </ContentStatsProvider>,
  );
  if (!api.chaos) throw new Error('the engine was made with chaos');
  return { api, chaos: api.chaos };
}

const state = () => screen.getByTestId('page').getAttribute('data-state');
const count = () => Number.parseInt(screen.queryByTestId('count')?.textContent ?? '', 10);

/** Moves the fake clock a minute at a time until `check` holds (at most `limitMinutes`); returns the minutes taken. */
async function advanceUntil(check: () => boolean, limitMinutes: number): Promise<number> {
  for (let minutes = 0; minutes <= limitMinutes; minutes++) {
    if (check()) return minutes;
    await act(() => vi.advanceTimersByTimeAsync(MINUTE));
  }
  throw new Error(`not reached within ${limitMinutes} simulated minutes`);
}

describe('useSnapshots under chaos', () => {
  it('shows the error during a burst of 503s, keeps the last data, and recovers by itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(Date.parse('2026-03-01T12:20:00Z'));
    const consoleError = vi.spyOn(console, 'error');
    const { api, chaos } = setup();
    await advanceUntil(() => state() === 'ready', 1);
    const before = count();
    expect(before).toBeGreaterThan(0);

    chaos.set({ error: 1, errorStatuses: [503] });
    // the next snapshot can exist at 13:00; the poll then meets the outage
    await advanceUntil(() => state() === 'error', 60);
    expect(screen.getByRole('alert').textContent).toBe('Could not refresh: server 503');
    expect(count()).toBe(before);
    // the poll was one call: the first attempt and the client's two retries, all refused
    expect(chaos.log.map((r) => r.status)).toEqual([503, 503, 503]);

    chaos.clear();
    const gets = api.requestCount(`GET /api/v1/videos/${FIXTURE_IDS.viral}`);
    // nobody clicks anything: the backed-off poll (a minute after the failure) brings it back
    const minutes = await advanceUntil(() => state() === 'ready', 5);
    expect(minutes).toBeLessThanOrEqual(2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(count()).toBeGreaterThan(before);
    expect(api.requestCount(`GET /api/v1/videos/${FIXTURE_IDS.viral}`)).toBe(gets + 1);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('a stalled answer ends as a timeout error, and the page recovers once the API answers again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(Date.parse('2026-03-01T12:20:00Z'));
    const consoleError = vi.spyOn(console, 'error');
    const { chaos } = setup();
    await advanceUntil(() => state() === 'ready', 1);
    const before = count();

    chaos.set({ stall: 1 });
    await advanceUntil(() => state() === 'error', 60);
    // the client's 15 s limit per attempt, three attempts
    expect(screen.getByRole('alert').textContent).toBe('Could not refresh: timeout 0');
    expect(chaos.counts().stall).toBe(3);

    chaos.clear();
    await advanceUntil(() => state() === 'ready', 5);
    expect(count()).toBeGreaterThan(before);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
