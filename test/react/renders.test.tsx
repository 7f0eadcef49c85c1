// @vitest-environment jsdom
import { QueryObserver } from '@tanstack/query-core';
import { act, cleanup, render, screen } from '@testing-library/react';
import { delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { DEMO_API_KEY, FIXTURE_IDS } from '../../src/mock/constants';
import { createMockApi } from '../../src/mock/engine';
import { createHandlers } from '../../src/mock/msw';
import { ContentStatsProvider, useVideo } from '../../src/react/index';

const BASE = 'http://api.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

function setup() {
  const api = createMockApi({ clock: () => Date.now(), wallClock: () => Date.now() });
  server.use(...createHandlers(api, { baseUrl: BASE }));
  const client = createClient({ baseUrl: BASE, apiKey: DEMO_API_KEY, dangerouslyAllowBrowser: true });
  return { api, client };
}

describe('the React adapter renders only what changed', () => {
  it('does not re-render a component for fields it never reads (isFetching during a refetch)', async () => {
    const { client, api } = setup();
    // slow answers, so the fetching state lasts long enough to be rendered on its own
    server.use(
      http.get(`${BASE}/api/v1/videos/:id`, async ({ request }) => {
        await delay(40);
        return api.handle(request);
      }),
    );
    const renders = { dataOnly: 0, fetching: 0 };
    let refetch: (() => Promise<unknown>) | undefined;
    function DataOnly() {
      renders.dataOnly++;
      const { status } = useVideo(FIXTURE_IDS.steady);
      return <p data-testid="data">{status}</p>;
    }
    function Fetching() {
      renders.fetching++;
      const result = useVideo(FIXTURE_IDS.steady);
      refetch = result.refetch;
      return <p data-testid="fetching">{result.isFetching ? 'fetching' : 'idle'}</p>;
    }
    render(
      <ContentStatsProvider client={client}>
        <DataOnly />
        <Fetching />
      </ContentStatsProvider>,
    );
    expect((await screen.findByText('success')).textContent).toBe('success');
    await vi.waitFor(() => expect(screen.getByTestId('fetching').textContent).toBe('idle'));
    const before = { ...renders };
    let done: Promise<unknown> | undefined;
    act(() => {
      done = refetch?.();
    });
    expect((await screen.findByText('fetching')).textContent).toBe('fetching');
    await act(async () => {
      await done;
    });
    await vi.waitFor(() => expect(screen.getByTestId('fetching').textContent).toBe('idle'));
    // the one that shows isFetching went fetching → idle; the one that shows only the status stayed put
    expect(renders.fetching).toBeGreaterThanOrEqual(before.fetching + 2);
    expect(renders.dataOnly).toBe(before.dataOnly);
  });

  it('does not re-arm the observer when its parent re-renders', async () => {
    const { client } = setup();
    const setOptions = vi.spyOn(QueryObserver.prototype, 'setOptions');
    let bump: (() => void) | undefined;
    function Parent() {
      const [n, setN] = useState(0);
      bump = () => setN((x) => x + 1);
      return (
        <>
          <span data-testid="n">{n}</span>
          <Child />
        </>
      );
    }
    function Child() {
      const { data } = useVideo(FIXTURE_IDS.viral);
      return <p>{data ? 'ready' : 'loading'}</p>;
    }
    render(
      <ContentStatsProvider client={client}>
        <Parent />
      </ContentStatsProvider>,
    );
    await screen.findByText('ready');
    const calls = setOptions.mock.calls.length;
    for (let i = 0; i < 5; i++) act(() => bump?.());
    expect(screen.getByTestId('n').textContent).toBe('5');
    expect(setOptions.mock.calls.length).toBe(calls);
  });
});
