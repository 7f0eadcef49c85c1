// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MetricSummary, MetricSummaryView } from '../../src/components/MetricSummary';
import { FIXTURE_IDS } from '../../src/mock/constants';
import { makePoints } from './fixtures';
import { seen, setupApi, startMswServer } from './harness';

const server = startMswServer();

function card(kpi: string): HTMLElement {
  const element = document.querySelector(`[data-kpi="${kpi}"]`);
  if (!(element instanceof HTMLElement)) throw new Error(`no ${kpi} card`);
  return element;
}

describe('MetricSummaryView', () => {
  it('shows the latest total, the change over 24 h between snapshots, and the engagement rate', () => {
    // 30 hourly snapshots from March 2026, +100 views an hour: whatever today's date is
    render(<MetricSummaryView points={makePoints(30)} />);
    expect(card('total').textContent).toContain('Total views');
    expect(card('total').querySelector('[title]')?.getAttribute('title')).toBe('3,900');
    expect(card('change').textContent).toContain('Change, last 24 h');
    expect(card('change').querySelector('[title]')?.getAttribute('title')).toBe('+2,400');
    // (390 likes + 39 comments + 3 shares) / 3,900 views
    expect(card('engagement').textContent).toContain('11.08%');
    expect(screen.getAllByRole('img')).toHaveLength(3);
  });

  it('says how many hours the change covers before a day of snapshots exists', () => {
    render(<MetricSummaryView points={makePoints(10)} />);
    expect(card('change').textContent).toContain('Change, last 9 h');
    expect(card('change').textContent).toContain('+900');
  });

  it('reads "Change since tracking began" and "—" with a single snapshot, not "last 0 h"', () => {
    render(<MetricSummaryView points={makePoints(1)} />);
    expect(card('change').textContent).toContain('Change since tracking began');
    expect(card('change').textContent).not.toContain('0 h');
    expect(card('change').querySelector('[data-part="count"]')?.textContent).toBe('—');
  });

  it('loads with three skeleton cards, shaped like the real ones', () => {
    render(<MetricSummaryView />);
    const skeleton = screen.getByRole('status', { name: 'Loading…' });
    expect(skeleton.children).toHaveLength(3);
    for (const card of skeleton.children) expect(card.children).toHaveLength(3);
  });

  it('counts down to the next snapshot, and says when tracking has finished', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { rerender } = render(
      <MetricSummaryView points={makePoints(3)} nextSnapshotAt={Date.now() + 5 * 60_000} />,
    );
    expect(screen.getByText('Next snapshot in 5 min')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(screen.getByText('Next snapshot in 4 min')).toBeTruthy();
    rerender(<MetricSummaryView points={makePoints(3)} nextSnapshotAt={null} />);
    expect(screen.getByText('Tracking finished')).toBeTruthy();
  });

  it('formats for de-DE and takes replaced labels', () => {
    render(
      <MetricSummaryView
        points={makePoints(30, { start: 1_000_000n })}
        locale="de-DE"
        labels={{ engagementRate: 'Interaktionsrate' }}
      />,
    );
    expect(seen(card('engagement').textContent)).toContain('Interaktionsrate');
    expect(seen(card('engagement').textContent)).toContain('11,1 %');
    expect(card('total').querySelector('[title]')?.getAttribute('title')).toBe('1.002.900');
  });

  it('shows an empty state before the first snapshot', () => {
    const { container } = render(<MetricSummaryView points={[]} />);
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('empty');
    expect(screen.getByText(/No snapshots yet/)).toBeTruthy();
  });
});

describe('MetricSummary against the local API', () => {
  it('summarises a fixture video and shows when the next snapshot comes', async () => {
    const { wrapper } = setupApi(server);
    const { container } = render(<MetricSummary videoId={FIXTURE_IDS.viral} />, { wrapper });
    await screen.findByText('Change, last 24 h');
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('ready');
    expect(screen.getByText(/^Next snapshot (in \d+ min|any moment)$/)).toBeTruthy();
  });
});
