// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { VideoSummary } from '../../src/client/types';
import { VideoList, VideoListView } from '../../src/components/VideoList';
import { FIXTURE_IDS } from '../../src/mock/constants';
import { setupApi, startMswServer } from './harness';

const server = startMswServer();

const LONG = `https://www.tiktok.com/@${'a'.repeat(60)}/video/7301234567890123456`;
const videos: VideoSummary[] = [
  {
    id: 'cm5video0001',
    video_link: LONG,
    platform: 'tiktok',
    status: 'monitoring',
    created_at: '2026-03-01T00:00:00.000Z',
    latest_snapshot: {
      id: 's1',
      snapshot_id: 's1',
      snapshot_time: '2026-03-01T05:00:00.000Z',
      views: '9007199254740993',
      likes: '1234',
      comments: '1',
      shares: null,
      saves: null,
      provider: 'primary',
    },
  },
  {
    id: 'cm5video0002',
    video_link: 'https://www.tiktok.com/@b/video/2',
    platform: 'tiktok',
    status: 'completed',
  },
  { id: 'cm5video0003', video_link: 'https://example.com/v/3', platform: 'youtube', status: 'stopped' },
];

describe('VideoListView', () => {
  it('shows status badges, latest counts (exact above 2^53) and the full link in the title', () => {
    render(<VideoListView videos={videos} />);
    const first = screen.getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getByText('Monitoring')).toBeTruthy();
    // the handle and the id's tail lead (rows differ at 320 px); the full link is in the title
    expect(within(first).getByTitle(LONG).textContent).toBe(`@${'a'.repeat(60)} · …123456`);
    // from 10^15 on the count shows every digit (a compact "9007.2T" would hide differences)
    expect(within(first).getByText('9,007,199,254,740,993')).toBeTruthy();
    expect(within(first).getByTitle('1,234').textContent).toContain('1.2K');
    expect(screen.getByText('Completed')).toBeTruthy();
    expect(screen.getByText('Stopped')).toBeTruthy();
  });

  it('filters by platform', async () => {
    const user = userEvent.setup();
    const onPlatformChange = vi.fn();
    render(<VideoListView videos={videos} onPlatformChange={onPlatformChange} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Platform' }), 'youtube');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(onPlatformChange).toHaveBeenCalledWith('youtube');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Platform' }), 'All platforms');
    expect(onPlatformChange).toHaveBeenLastCalledWith(null);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('calls onSelect with the id', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<VideoListView videos={videos} onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: 'Show @b · …2' }));
    expect(onSelect).toHaveBeenCalledWith('cm5video0002');
  });

  it('asks before stopping: focus moves into the question, Escape cancels, confirming stops', async () => {
    const user = userEvent.setup();
    const onStop = vi.fn();
    render(<VideoListView videos={videos} onStop={onStop} />);
    // only a monitoring video can be stopped
    const stops = screen.getAllByRole('button', { name: /^Stop:/ });
    expect(stops).toHaveLength(1);
    await user.click(stops[0] as HTMLElement);
    const question = screen.getByRole('group', { name: /^Stop tracking https:/ });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Keep tracking' }));
    expect(onStop).not.toHaveBeenCalled();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Stop:/ }));

    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Stop tracking' }));
    expect(onStop).toHaveBeenCalledWith('cm5video0001');
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('keeps tracking when the question is declined', async () => {
    const user = userEvent.setup();
    const onStop = vi.fn();
    render(<VideoListView videos={videos} onStop={onStop} />);
    await user.click(screen.getByRole('button', { name: /^Stop:/ }));
    await user.click(screen.getByRole('button', { name: 'Keep tracking' }));
    expect(onStop).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Stop:/ }));
  });

  it('shows an empty state and replaces it by render prop', () => {
    const { rerender, container } = render(<VideoListView videos={[]} />);
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('empty');
    expect(screen.getByText('No tracked videos yet.')).toBeTruthy();
    rerender(<VideoListView videos={[]} renderEmpty={() => <p>Track your first video</p>} />);
    expect(screen.getByText('Track your first video')).toBeTruthy();
  });

  it('formats counts for de-DE', () => {
    render(<VideoListView videos={videos} locale="de-DE" />);
    expect(screen.getByText('9.007.199.254.740.993')).toBeTruthy();
    expect(screen.getByTitle('1.234').textContent).toContain('1234');
  });
});

describe('VideoList against the local API', () => {
  it('lists the fixture videos and stops one after confirmation', async () => {
    const user = userEvent.setup();
    const { wrapper, api } = setupApi(server);
    render(<VideoList />, { wrapper });
    await screen.findAllByRole('listitem');
    const stops = screen.getAllByRole('button', { name: /^Stop:/ });
    const monitoring = screen.getAllByText('Monitoring').length;
    expect(stops.length).toBe(monitoring);
    await user.click(stops[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Stop tracking' }));
    await waitFor(() => expect(screen.getAllByText('Monitoring')).toHaveLength(monitoring - 1));
    const stopped = api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/stop'));
    expect(stopped).toHaveLength(1);
    expect(Object.values(FIXTURE_IDS)).toContain(stopped[0]?.path.split('/')[4]);
  });

  it('offers no Stop when read-only', async () => {
    const { wrapper } = setupApi(server);
    render(<VideoList readOnly />, { wrapper });
    await screen.findAllByRole('listitem');
    expect(screen.getAllByText('Monitoring').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /^Stop:/ })).toBeNull();
  });
});
