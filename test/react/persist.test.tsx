// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { FIXTURE_IDS } from '../../src/mock/constants';
import { createMockApi } from '../../src/mock/engine';
import { ContentStatsProvider, useSnapshots } from '../../src/react/index';

const BASE = 'http://api.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());

function Views({ id }: { id: string }) {
  const { data, isFetching } = useSnapshots(id);
  return (
    <p data-testid="views">
      {data ? `${data.points.length} snapshots${isFetching ? ' (refreshing)' : ''}` : 'Loading…'}
    </p>
  );
}

function page() {
  // a fresh client and cache, as after a reload
  const client = createClient({ baseUrl: BASE, apiKey: 'cs_demo_key', dangerouslyAllowBrowser: true });
  return render(
    <ContentStatsProvider client={client} persist>
      <Views id={FIXTURE_IDS.viral} />
    </ContentStatsProvider>,
  );
}

describe('opt-in snapshot persistence', () => {
  it('paints persisted snapshots at once after a reload, then revalidates', async () => {
    const api = createMockApi();
    let requests = 0;
    server.use(
      http.get(`${BASE}/api/v1/videos/:id`, async ({ request }) => {
        requests++;
        await delay(100);
        return api.handle(request);
      }),
    );
    const first = page();
    expect(screen.getByTestId('views').textContent).toBe('Loading…');
    await vi.waitFor(() => expect(screen.getByTestId('views').textContent).toMatch(/^\d+ snapshots$/));
    const painted = screen.getByTestId('views').textContent;
    first.unmount();

    page();
    // no loading state: the snapshots are there on the first paint, and a refetch runs behind them
    expect(screen.getByTestId('views').textContent).toBe(`${painted} (refreshing)`);
    await vi.waitFor(() => expect(screen.getByTestId('views').textContent).toBe(painted));
    expect(requests).toBe(2);
  });

  it('ignores a corrupt entry instead of breaking the page', async () => {
    const api = createMockApi();
    server.use(http.get(`${BASE}/api/v1/videos/:id`, ({ request }) => api.handle(request)));
    localStorage.setItem(`contentstats:v1:video:${BASE}:${FIXTURE_IDS.viral}`, '{"savedAt": "x", "video": 1');
    page();
    expect(screen.getByTestId('views').textContent).toBe('Loading…');
    await vi.waitFor(() => expect(screen.getByTestId('views').textContent).toMatch(/^\d+ snapshots$/));
  });

  it('is off unless asked for', async () => {
    const api = createMockApi();
    server.use(http.get(`${BASE}/api/v1/videos/:id`, ({ request }) => api.handle(request)));
    const client = createClient({ baseUrl: BASE, apiKey: 'cs_demo_key', dangerouslyAllowBrowser: true });
    render(
      <ContentStatsProvider client={client}>
        <Views id={FIXTURE_IDS.viral} />
      </ContentStatsProvider>,
    );
    await vi.waitFor(() => expect(screen.getByTestId('views').textContent).toMatch(/snapshots/));
    expect(localStorage.length).toBe(0);
  });
});
