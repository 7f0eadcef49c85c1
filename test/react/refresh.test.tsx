// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { DEMO_API_KEY, FIXTURE_IDS } from '../../src/mock/constants';
import { type MockServer, startMockServer } from '../../src/mock/server';
import { ContentStatsProvider, useSnapshots } from '../../src/react/index';

// Acceptance of "refresh follows the server's clock": the local API at 3600× (a snapshot every real
// second) over real HTTP; the hooks must keep up with it and make one request per video per snapshot.

let server: MockServer | undefined;
afterEach(async () => {
  cleanup();
  await server?.close();
  server = undefined;
});

function Latest({ id, n }: { id: string; n: number }) {
  const { data } = useSnapshots(id);
  return <p data-testid={`${id}-${n}`}>{data ? String(data.points.length) : 'loading'}</p>;
}

const VIDEOS = [FIXTURE_IDS.viral, FIXTURE_IDS.lateBloomer, FIXTURE_IDS.mega];

describe('refresh against an accelerated local API', () => {
  it('shows each new snapshot within seconds, with one request per video per snapshot for ten components', async () => {
    server = await startMockServer({ speed: 3600 });
    const gets = new Map<string, number>();
    const client = createClient({
      baseUrl: server.url,
      apiKey: DEMO_API_KEY,
      dangerouslyAllowBrowser: true,
      fetch: (input, init) => {
        const id = String(input).split('/').pop() ?? '';
        gets.set(id, (gets.get(id) ?? 0) + 1);
        return fetch(input, init);
      },
    });
    // the API's own count of snapshots, asked out of band (not through the client under test)
    const apiCount = async (id: string) => {
      const response = await fetch(`${server?.url}/api/v1/videos/${id}`, {
        headers: { 'X-API-Key': DEMO_API_KEY },
      });
      return ((await response.json()) as { snapshots: unknown[] }).snapshots.length;
    };
    const components = Array.from({ length: 10 }, (_, n) => ({ id: VIDEOS[n % 3] as string, n }));
    render(
      <ContentStatsProvider client={client}>
        {components.map(({ id, n }) => (
          <Latest key={n} id={id} n={n} />
        ))}
      </ContentStatsProvider>,
    );
    const shown = (id: string) =>
      components.filter((c) => c.id === id).map((c) => screen.getByTestId(`${c.id}-${c.n}`).textContent);
    await vi.waitFor(() => {
      for (const id of VIDEOS) expect(shown(id).every((t) => t !== 'loading')).toBe(true);
    });
    const start = new Map(VIDEOS.map((id) => [id, Number(shown(id)[0])]));

    // four new snapshots land on the API; each must reach every component within 5 s of landing
    let previous = await Promise.all(VIDEOS.map(apiCount));
    for (let round = 0; round < 4; round++) {
      let target = previous;
      await vi.waitFor(
        async () => {
          target = await Promise.all(VIDEOS.map(apiCount));
          expect(target.every((count, i) => count > (previous[i] as number))).toBe(true);
        },
        { timeout: 5_000, interval: 50 },
      );
      previous = target;
      await vi.waitFor(
        () => {
          VIDEOS.forEach((id, i) => {
            for (const text of shown(id)) expect(Number(text)).toBeGreaterThanOrEqual(target[i] as number);
          });
        },
        { timeout: 5_000, interval: 50 },
      );
    }

    for (const id of VIDEOS) {
      const grew = Number(shown(id)[0]) - (start.get(id) as number);
      expect(grew).toBeGreaterThanOrEqual(3);
      // the first load, then about one request per new snapshot: never one per component
      const requests = gets.get(id) ?? 0;
      expect(requests).toBeGreaterThanOrEqual(grew);
      expect(requests).toBeLessThanOrEqual(grew + 2);
    }
  }, 30_000);
});
