// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SnapshotTable, SnapshotTableView } from '../../src/components/SnapshotTable';
import { toPoints } from '../../src/metrics/series';
import { FIXTURE_IDS } from '../../src/mock/constants';
import { makePoints, makeSnapshots, T0 } from './fixtures';
import { seen, setupApi, startMswServer } from './harness';

const server = startMswServer();

function bodyRows() {
  const table = screen.getByRole('table');
  return within(table).getAllByRole('row').slice(1);
}

function firstColumnTimes() {
  return bodyRows().map((row) => row.querySelector('time')?.getAttribute('datetime'));
}

describe('SnapshotTableView', () => {
  it('shades the edge with more columns behind it, and the sticky column once scrolled', () => {
    // jsdom lays nothing out: a scroller 300 px wide showing a 600 px table
    const width = vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.dataset.part === 'scroller' ? 600 : 0;
    });
    const client = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.dataset.part === 'scroller' ? 300 : 0;
    });
    try {
      const { container } = render(<SnapshotTableView points={makePoints(3)} />);
      const scroller = container.querySelector('[data-part="scroller"]') as HTMLElement;
      const frame = scroller.parentElement as HTMLElement;
      expect(frame.hasAttribute('data-more-end')).toBe(true);
      expect(frame.hasAttribute('data-more-start')).toBe(false);
      Object.defineProperty(scroller, 'scrollLeft', { configurable: true, value: 300 });
      act(() => {
        scroller.dispatchEvent(new Event('scroll'));
      });
      expect(frame.hasAttribute('data-more-end')).toBe(false);
      expect(frame.hasAttribute('data-more-start')).toBe(true);
    } finally {
      width.mockRestore();
      client.mockRestore();
    }
  });

  it('sorts by a column, says so with aria-sort, and reverses on a second click', async () => {
    const user = userEvent.setup();
    // views go up and down so that views order differs from time order
    const snapshots = makeSnapshots(4);
    const views = ['500', '4000', '100', '2000'];
    snapshots.forEach((s, i) => {
      s.views = views[i] as string;
    });
    render(<SnapshotTableView points={toPoints(snapshots)} />);
    const viewsHeader = screen.getByRole('columnheader', { name: /^Views$/ });
    const timeHeader = screen.getByRole('columnheader', { name: /^Time$/ });
    expect(timeHeader.getAttribute('aria-sort')).toBe('descending');
    expect(firstColumnTimes()[0]).toBe(new Date(T0 + 3 * 3_600_000).toISOString());

    await user.click(within(viewsHeader).getByRole('button'));
    expect(viewsHeader.getAttribute('aria-sort')).toBe('descending');
    expect(timeHeader.hasAttribute('aria-sort')).toBe(false);
    // the exact value each cell offers on hover (compact text differs: 4K)
    const viewsCells = () =>
      bodyRows().map((row) => {
        const cell = row.querySelectorAll('td')[0];
        return cell?.querySelector('[title]')?.getAttribute('title') ?? cell?.textContent;
      });
    expect(viewsCells()).toEqual(['4,000', '2,000', '500', '100']);

    await user.click(within(viewsHeader).getByRole('button'));
    expect(viewsHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(viewsCells()).toEqual(['100', '500', '2,000', '4,000']);
  });

  it('shows per-hour changes with a sign', () => {
    render(<SnapshotTableView points={makePoints(3)} deltaMetrics={['views']} />);
    const header = screen.getByRole('columnheader', { name: /Views \/h/ });
    expect(header).toBeTruthy();
    const newest = bodyRows()[0] as HTMLElement;
    expect(newest.textContent).toContain('+100/h');
    // the oldest snapshot has nothing to compare with
    expect((bodyRows()[2] as HTMLElement).textContent).toContain('—');
  });

  it('exports every row as CSV: exact counts above 2^53, ISO times, formulas neutralised', async () => {
    const user = userEvent.setup();
    const onExport = vi.fn();
    const points = makePoints(3, { start: 9_007_199_254_740_993n, step: 2n, provider: '=1+1' });
    render(<SnapshotTableView points={points} onExport={onExport} />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const csv = onExport.mock.calls[0]?.[0] as string;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'snapshot_time,views,likes,comments,shares,saves,views_per_hour,likes_per_hour,comments_per_hour,shares_per_hour,saves_per_hour,provider,snapshot_id',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      `2026-03-01T00:00:00.000Z,9007199254740993,900719925474099,90071992547409,9007199254740,,,,,,,'=1+1,snap0`,
    );
    expect(lines[3]?.startsWith('2026-03-01T02:00:00.000Z,9007199254740997,')).toBe(true);
    expect(lines[3]).toContain(",2,0,0,0,,'=1+1,snap2");
  });

  it('downloads the CSV as a file named after the video', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('my-video.csv');
    });
    render(<SnapshotTableView points={makePoints(2)} fileName="my-video.csv" />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(click).toHaveBeenCalledTimes(1);
    const text = await blobs[0]?.text();
    expect(text?.split('\r\n')[1]).toMatch(/^2026-03-01T00:00:00\.000Z,1000,100,10,1,/);
  });

  it('pages 10,000 rows, rendering only one page, with an accessible page-size select', async () => {
    const user = userEvent.setup();
    const points = makePoints(10_000);
    render(<SnapshotTableView points={points} />);
    // only one page is in the DOM, whatever the number of snapshots
    expect(bodyRows()).toHaveLength(50);
    expect(screen.getByText('1–50 of 10,000')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('51–100 of 10,000')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '250');
    expect(bodyRows()).toHaveLength(250);
    expect(screen.getByText('1–250 of 10,000')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows compact counts with exact values, formatted for de-DE', () => {
    render(<SnapshotTableView points={makePoints(1, { start: 1_234_567n })} locale="de-DE" />);
    const count = screen.getAllByTitle('1.234.567')[0] as HTMLElement;
    expect(seen(count.textContent)).toContain('1,2 Mio.');
  });

  it('has loading, empty and error states, each replaceable', () => {
    const { rerender, container } = render(<SnapshotTableView status="pending" />);
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('loading');
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeTruthy();
    rerender(<SnapshotTableView points={[]} />);
    expect(screen.getByText(/No snapshots yet/)).toBeTruthy();
    rerender(<SnapshotTableView points={[]} renderEmpty={() => <p>Nothing</p>} />);
    expect(screen.getByText('Nothing')).toBeTruthy();
    rerender(<SnapshotTableView status="pending" renderLoading={() => <p>Wait</p>} />);
    expect(screen.getByText('Wait')).toBeTruthy();
  });
});

describe('SnapshotTable against the local API', () => {
  it('shows the snapshots of a video with counts above 2^53', async () => {
    const { wrapper } = setupApi(server);
    const { container } = render(<SnapshotTable videoId={FIXTURE_IDS.mega} />, { wrapper });
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('loading');
    await screen.findByRole('table');
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('ready');
    // counts from 10^15 on show every digit in the cell itself
    const firstViews = bodyRows()[0]?.querySelector('td [data-part="count"]');
    expect(firstViews?.textContent).toMatch(/^\d{1,3}(,\d{3}){5,}$/);
  });

  it('shows a 404 for an unknown video', async () => {
    const { wrapper } = setupApi(server);
    render(<SnapshotTable videoId="cm5unknown01" />, { wrapper });
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('This video was not found');
  });
});
