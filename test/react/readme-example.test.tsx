// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/createClient';
import { createMockApi } from '../../src/mock/engine';
import { createHandlers } from '../../src/mock/msw';
import { ContentStatsProvider } from '../../src/react/index';
import { TrackAndWatch } from './readme-example';

const BASE = 'http://localhost/api/contentstats';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

describe('docs/react.md hooks example', () => {
  it('is the code the docs show', () => {
    const readme = readFileSync(resolve(process.cwd(), 'docs/react.md'), 'utf8');
    const example = readFileSync(resolve(process.cwd(), 'test/react/readme-example.tsx'), 'utf8')
      .replace("'../../src/react/index'", "'contentstats-kit/react'")
      .trim();
    expect(readme).toContain(example);
  });

  it('tracks a link, then shows its snapshots', async () => {
    const api = createMockApi();
    server.use(...createHandlers(api, { baseUrl: BASE }));
    // the README's App uses a same-origin proxy; here the local API stands behind that path
    const client = createClient({ baseUrl: BASE, apiKey: 'cs_demo_key', dangerouslyAllowBrowser: true });
    render(
      <ContentStatsProvider client={client}>
        <TrackAndWatch />
      </ContentStatsProvider>,
    );
    expect(screen.getByRole('button').textContent).toBe('Track for 7 days ($2.52)');
    fireEvent.change(screen.getByLabelText('TikTok link'), {
      target: { value: 'https://www.tiktok.com/@user/video/1234567890' },
    });
    fireEvent.click(screen.getByRole('button'));
    const list = await screen.findByRole('list', { name: 'Snapshots' });
    const items = await within(list).findAllByRole('listitem');
    expect(items[0]?.textContent).toMatch(/: [\d,]+ views$/);
  });

  it('shows why a bad link is refused', async () => {
    server.use(...createHandlers(createMockApi(), { baseUrl: BASE }));
    const client = createClient({ baseUrl: BASE, apiKey: 'cs_demo_key', dangerouslyAllowBrowser: true });
    render(
      <ContentStatsProvider client={client}>
        <TrackAndWatch />
      </ContentStatsProvider>,
    );
    fireEvent.change(screen.getByLabelText('TikTok link'), {
      target: { value: 'https://vm.tiktok.com.evil.io/x' },
    });
    fireEvent.click(screen.getByRole('button'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not a TikTok host/);
  });
});
