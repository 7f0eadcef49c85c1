// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SnapshotChart } from '../../src/components/SnapshotChart';
import { FIXTURE_IDS } from '../../src/mock/constants';
import { setupApi, startMswServer } from './harness';

const server = startMswServer();

function legendNames(): string[] {
  const legend = screen.getByRole('group', { name: 'Series shown' });
  return within(legend)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '');
}

describe('SnapshotChart (connected)', () => {
  it('charts several metrics of one video, skipping metrics the provider does not report', async () => {
    const { wrapper } = setupApi(server);
    const { container } = render(<SnapshotChart videoId={FIXTURE_IDS.fallback} locale="en-US" />, {
      wrapper,
    });
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('loading');
    await waitFor(() => expect(container.firstElementChild?.getAttribute('data-state')).toBe('ready'));
    // the fallback provider reports no shares
    expect(legendNames()).toEqual(['Views', 'Likes', 'Comments']);
    expect(container.querySelectorAll('[data-part="lines"] path')).toHaveLength(3);
    expect(screen.getByRole('figure', { name: 'Views, Likes, Comments' })).toBeTruthy();
    // views would flatten likes and comments onto zero on a shared linear axis: log by default
    expect(container.querySelector('[data-part="summary"]')?.textContent).toContain('Logarithmic scale.');
  });

  it('charts one metric across videos, aligned by hours since tracking began', async () => {
    const { wrapper } = setupApi(server);
    const { container } = render(
      <SnapshotChart
        videoIds={[FIXTURE_IDS.viral, FIXTURE_IDS.steady]}
        metric="likes"
        align="sinceStart"
        locale="en-US"
      />,
      { wrapper },
    );
    await waitFor(() => expect(container.firstElementChild?.getAttribute('data-state')).toBe('ready'));
    const names = legendNames();
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^@.+ · …\d+$/);
    const starts = [...container.querySelectorAll('[data-part="lines"] path')].map((p) =>
      Number(/^M(-?[\d.]+)/.exec(p.getAttribute('d') ?? '')?.[1]),
    );
    // both begin within the first hour of the axis although they started a day apart
    expect(starts).toHaveLength(2);
    expect(Math.abs(starts[0]! - starts[1]!)).toBeLessThan(10);
    expect(screen.getByRole('figure', { name: 'Likes' })).toBeTruthy();
    expect(container.querySelector('[data-part="summary"]')?.textContent).not.toContain('Logarithmic');
  });

  it('names a video with a short link by the link itself, not its id', async () => {
    const { wrapper } = setupApi(server);
    const { container } = render(<SnapshotChart videoIds={[FIXTURE_IDS.fallback]} locale="en-US" />, {
      wrapper,
    });
    await waitFor(() => expect(container.firstElementChild?.getAttribute('data-state')).toBe('ready'));
    expect(legendNames()).toEqual(['vm.tiktok.com/ZMfallbk1']);
  });

  it('shows the error of a video that cannot be loaded', async () => {
    const { wrapper } = setupApi(server);
    const { container } = render(
      <SnapshotChart videoIds={[FIXTURE_IDS.viral, 'cm5doesnotexist']} locale="en-US" />,
      { wrapper },
    );
    await waitFor(() => expect(container.firstElementChild?.getAttribute('data-state')).toBe('error'));
    expect(screen.getByRole('alert').textContent).toMatch(/not found/i);
  });
});
