// @vitest-environment jsdom
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ContentStatsError } from '../../src/client/errors';
import type { Usage, VideoSummary } from '../../src/client/types';
import { MetricSummaryView } from '../../src/components/MetricSummary';
import { SnapshotTableView } from '../../src/components/SnapshotTable';
import { UsageMeterView } from '../../src/components/UsageMeter';
import { VideoListView } from '../../src/components/VideoList';
import { VideoTrackerView } from '../../src/components/VideoTracker';
import { makePoints } from './fixtures';
import { startMswServer } from './harness';

// no requests here; the server's afterEach does the cleanup() every file needs
startMswServer();

async function violations(
  ui: ReactElement,
  act?: (user: ReturnType<typeof userEvent.setup>) => Promise<void>,
) {
  const { container } = render(<main>{ui}</main>);
  if (act) await act(userEvent.setup());
  // colours cannot be computed in jsdom: contrast is checked by the Storybook tests in Chromium
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const usage: Usage = {
  balance_usd: 2,
  plan: 'free',
  concurrent_videos_limit: 10,
  active_videos: 9,
};
const videos: VideoSummary[] = [
  {
    id: 'cm5video0001',
    video_link: 'https://www.tiktok.com/@a/video/1',
    platform: 'tiktok',
    status: 'monitoring',
  },
  {
    id: 'cm5video0002',
    video_link: 'https://www.tiktok.com/@b/video/2',
    platform: 'tiktok',
    status: 'stopped',
  },
];
const errors = [
  new ContentStatsError({ code: 'rate_limited', status: 429, message: 'x', retryAt: Date.now() + 30_000 }),
  new ContentStatsError({ code: 'network', message: 'x' }),
];

describe('axe finds no violations', () => {
  it.each([
    [
      'VideoTracker',
      <VideoTrackerView key="t" onSubmit={() => {}} balance={1} defaultLink="https://x.example" />,
    ],
    ['VideoTracker error', <VideoTrackerView key="t" onSubmit={() => {}} status="error" error={errors[1]} />],
    ['SnapshotTable', <SnapshotTableView key="s" points={makePoints(30)} />],
    ['SnapshotTable loading', <SnapshotTableView key="s" status="pending" />],
    [
      'SnapshotTable error',
      <SnapshotTableView key="s" status="error" error={errors[0]} onRetry={() => {}} />,
    ],
    [
      'MetricSummary',
      <MetricSummaryView key="m" points={makePoints(30)} nextSnapshotAt={Date.now() + 60_000} />,
    ],
    ['MetricSummary empty', <MetricSummaryView key="m" points={[]} />],
    [
      'UsageMeter',
      <UsageMeterView
        key="u"
        usage={usage}
        rateLimit={{ limit: 60, remaining: 3, resetAt: Date.now() + 9_000 }}
      />,
    ],
    [
      'VideoList',
      <VideoListView
        key="v"
        videos={videos}
        onSelect={() => {}}
        onStop={() => {}}
        selectedId="cm5video0002"
      />,
    ],
    ['VideoList error', <VideoListView key="v" status="error" error={errors[1]} onRetry={() => {}} />],
  ])('%s', async (_name, ui) => {
    expect(await violations(ui)).toEqual([]);
  });

  it('VideoList with the stop confirmation open', async () => {
    const found = await violations(<VideoListView videos={videos} onStop={() => {}} />, async (user) => {
      await user.click(document.querySelector('[data-part="stop"]') as HTMLElement);
    });
    expect(found).toEqual([]);
  });

  it('two tables on one page (no duplicate landmarks), headings at the level asked for', async () => {
    const found = await violations(
      <>
        <h1>Dashboard</h1>
        <SnapshotTableView points={makePoints(3)} headingLevel={2} />
        <SnapshotTableView points={makePoints(3)} headingLevel={2} />
        <UsageMeterView usage={usage} headingLevel={3} />
      </>,
    );
    expect(found).toEqual([]);
    expect(document.querySelectorAll('h2')).toHaveLength(2);
    expect(document.querySelector('h3')?.textContent).toBe('Usage');
  });
});
