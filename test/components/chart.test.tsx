// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentStatsError } from '../../src/client/errors';
import type { ChartSeries } from '../../src/components/chart/types';
import { SnapshotChartView } from '../../src/components/SnapshotChartView';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 10, 0);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Hourly cumulative totals from `start`: value(i) for i in 0..count-1. */
function series(
  id: string,
  count: number,
  value: (i: number) => bigint,
  start = T0,
  label = id.toUpperCase(),
): ChartSeries {
  return {
    id,
    label,
    points: Array.from({ length: count }, (_, i) => {
      const exact = value(i);
      return { time: start + i * HOUR, value: Number(exact), exact };
    }),
  };
}

function paths(container: HTMLElement): SVGPathElement[] {
  return [...container.querySelectorAll<SVGPathElement>('[data-part="lines"] path')];
}

/** Points of an SVG path as [x, y] pairs (d3 writes `M x,y L x,y ...`). */
function coords(path: SVGPathElement): Array<[number, number]> {
  const d = path.getAttribute('d') ?? '';
  return [...d.matchAll(/[ML]\s*(-?[\d.e+-]+)[ ,](-?[\d.e+-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

function plotOffset(container: HTMLElement): number {
  const g = container.querySelector('[data-part="plot"] svg > g');
  const match = /translate\(([\d.]+)/.exec(g?.getAttribute('transform') ?? '');
  return Number(match?.[1]);
}

describe('SnapshotChartView', () => {
  it('draws one path per visible series', () => {
    const { container } = render(
      <SnapshotChartView
        locale="en-US"
        series={[
          series('a', 24, (i) => BigInt(i * 10)),
          series('b', 24, (i) => BigInt(i * 5)),
          series('c', 24, (i) => BigInt(i)),
        ]}
      />,
    );
    expect(container.firstElementChild).toHaveProperty('dataset.state', 'ready');
    expect(paths(container)).toHaveLength(3);
    for (const p of paths(container)) expect(coords(p)).toHaveLength(24);
  });

  it('draws no more points per path than the plot is wide', () => {
    const long = [series('a', 20_000, (i) => BigInt(i * i)), series('b', 5000, (i) => BigInt(i % 97))];
    const { container } = render(<SnapshotChartView locale="en-US" width={400} series={long} />);
    const drawn = paths(container);
    expect(drawn).toHaveLength(2);
    const plotWidth = Number(container.querySelector('[data-part="plot"] svg')?.getAttribute('width'));
    expect(plotWidth).toBe(400);
    for (const p of drawn) {
      const n = coords(p).length;
      expect(n).toBeGreaterThan(50);
      expect(n).toBeLessThanOrEqual(400);
      // every x inside the plot area: nothing drawn past the edges
      for (const [x] of coords(p)) expect(x).toBeLessThanOrEqual(400);
    }
  });

  it('toggles a series from the legend, with aria-pressed', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <SnapshotChartView
        locale="en-US"
        series={[series('a', 10, (i) => BigInt(i)), series('b', 10, (i) => BigInt(2 * i))]}
      />,
    );
    const legend = screen.getByRole('group', { name: 'Series shown' });
    const b = within(legend).getByRole('button', { name: 'B' });
    expect(b.getAttribute('aria-pressed')).toBe('true');
    await user.click(b);
    expect(b.getAttribute('aria-pressed')).toBe('false');
    expect(paths(container).map((p) => p.dataset.series)).toEqual(['a']);
    await user.click(b);
    expect(b.getAttribute('aria-pressed')).toBe('true');
    expect(paths(container)).toHaveLength(2);
  });

  it("shows every series' exact value at the hour under the pointer, bigints exactly", () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1: not representable as a double
    const { container } = render(
      <SnapshotChartView
        locale="en-US"
        series={[
          series('a', 48, (i) => big + BigInt(i)),
          // a second video whose snapshots land 20 minutes later in each hour
          series('b', 48, (i) => BigInt(i * 1000), T0 + 20 * 60_000),
        ]}
      />,
    );
    const plot = container.querySelector<HTMLElement>('[data-part="plot"]')!;
    const [x] = coords(paths(container)[0]!)[30]!;
    fireEvent.pointerMove(plot, { clientX: plotOffset(container) + x });
    const tooltip = container.querySelector<HTMLElement>('[data-part="tooltip"]')!;
    expect(tooltip).not.toBeNull();
    const values = [...tooltip.querySelectorAll('[data-part="tooltip-value"]')].map((v) => v.textContent);
    expect(values).toEqual(['9,007,199,254,741,023', '30,000']);
    expect(tooltip.textContent).toContain(
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(T0 + 30 * HOUR),
    );
    fireEvent.pointerLeave(plot);
    expect(container.querySelector('[data-part="tooltip"]')).toBeNull();
  });

  it('moves the crosshair with the arrow keys once the plot has focus', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <SnapshotChartView locale="en-US" series={[series('a', 72, (i) => BigInt(i * 7))]} />,
    );
    const plot = screen.getByRole('group', { name: /arrow keys move the crosshair/ });
    const value = () => container.querySelector('[data-part="tooltip-value"]')?.textContent;
    act(() => plot.focus());
    expect(value()).toBeUndefined();
    await user.keyboard('{ArrowRight}');
    expect(value()).toBe('0');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(value()).toBe('14');
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(value()).toBe(String(26 * 7));
    await user.keyboard('{End}');
    expect(value()).toBe('497');
    await user.keyboard('{ArrowLeft}');
    expect(value()).toBe('490');
    // screen readers hear the move
    expect(container.querySelector('[data-part="announcer"]')?.textContent).toContain('A: 490');
    await user.keyboard('{Escape}');
    expect(container.querySelector('[data-part="tooltip"]')).toBeNull();
  });

  it('steps the keyboard crosshair through the snapshots of every series, not only the first', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <SnapshotChartView
        locale="en-US"
        series={[
          series('a', 3, (i) => BigInt(i)),
          // a video tracked from ten hours later
          series('b', 3, (i) => BigInt(100 + i), T0 + 10 * HOUR),
        ]}
      />,
    );
    const plot = screen.getByRole('group', { name: /arrow keys move the crosshair/ });
    const time = () => container.querySelector('[data-part="tooltip"] p')?.textContent;
    const at = (hours: number) =>
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(T0 + hours * HOUR);
    const value = (id: string) =>
      container.querySelector(`[data-part="tooltip"] [data-series="${id}"] [data-part="tooltip-value"]`)
        ?.textContent;
    act(() => plot.focus());
    await user.keyboard('{End}');
    expect([time(), value('b')]).toEqual([at(12), '102']);
    await user.keyboard('{ArrowLeft}');
    expect([time(), value('b')]).toEqual([at(11), '101']);
    // from b's first snapshot one hour back is a gap: the nearest earlier snapshot is a's last
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect([time(), value('a')]).toEqual([at(2), '2']);
    await user.keyboard('{ArrowRight}');
    expect([time(), value('b')]).toEqual([at(10), '100']);
    await user.keyboard('{Home}');
    expect([time(), value('a')]).toEqual([at(0), '0']);
    // a day to the right of the first snapshot is past the last: the crosshair stops there
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(time()).toBe(at(12));
  });

  it('draws zeros and negative changes on a log scale without NaN', () => {
    const flatThenUp = series('a', 30, (i) => (i < 10 ? 0n : BigInt(10 ** Math.min(i - 9, 12))));
    // a count that drops (a deletion wave) gives negative per-hour changes
    const dropping = series('b', 30, (i) => BigInt(1000 - (i % 5) * 100));
    for (const mode of ['total', 'perHour'] as const) {
      const { container, unmount } = render(
        <SnapshotChartView locale="en-US" scale="log" mode={mode} series={[flatThenUp, dropping]} />,
      );
      const drawn = paths(container);
      expect(drawn).toHaveLength(2);
      for (const p of drawn) {
        expect(p.getAttribute('d')).not.toMatch(/NaN|Infinity/);
        for (const [, y] of coords(p)) expect(Number.isFinite(y)).toBe(true);
      }
      expect(container.querySelector('[data-part="summary"]')?.textContent).toContain('Logarithmic');
      unmount();
    }
  });

  it('puts videos posted at different times on one origin when aligned by hours since start', () => {
    const early = series('early', 24, (i) => BigInt(i * 100), T0);
    const late = series('late', 24, (i) => BigInt(i * 50), T0 + 3 * 24 * HOUR + 17 * 60_000);
    const firstX = (c: HTMLElement) => paths(c).map((p) => coords(p)[0]![0]);

    const byTime = render(<SnapshotChartView locale="en-US" series={[early, late]} />);
    const [a, b] = firstX(byTime.container);
    expect(b! - a!).toBeGreaterThan(100);
    byTime.unmount();

    const aligned = render(<SnapshotChartView locale="en-US" align="sinceStart" series={[early, late]} />);
    const [c, d] = firstX(aligned.container);
    expect(c).toBeCloseTo(d!, 6);
    expect(c).toBe(0);
    // the axis counts hours, not dates
    expect(aligned.container.querySelector('[data-part="axes"]')?.textContent).toMatch(/\d+h/);
  });

  it('lists every point in a visually hidden table, one row each', async () => {
    const user = userEvent.setup();
    render(
      <SnapshotChartView
        locale="en-US"
        title="Views"
        series={[series('a', 30, (i) => BigInt(i)), series('b', 12, (i) => BigInt(i))]}
      />,
    );
    const table = screen.getByRole('table', { name: /Views, every snapshot/ });
    const rows = () => within(table).getAllByRole('row').slice(1); // minus the header row
    // the rows follow once the lines are painted
    await waitFor(() => expect(rows()).toHaveLength(42));
    expect(
      within(rows()[29]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(T0 + 29 * HOUR),
      '29',
    ]);
    await user.click(screen.getByRole('button', { name: 'B' }));
    await waitFor(() => expect(rows()).toHaveLength(30));
  });

  it('describes what it shows and the latest values', () => {
    render(
      <SnapshotChartView
        locale="en-US"
        title="Views"
        series={[series('a', 5, (i) => BigInt(i * 1_000_000)), series('b', 5, (i) => BigInt(i * 300))]}
      />,
    );
    const figure = screen.getByRole('figure', { name: /Views/ });
    const plot = within(figure).getByRole('group', { name: /crosshair/ });
    const description = document.getElementById(plot.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(description).toMatch(/Line chart of views, 2 series, from .* to .*\. Latest: A: 4M, B: 1\.2K\./);
  });

  it('downloads an SVG that contains the drawn paths and no crosshair', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => {
          blobs.push(blob);
          return 'blob:chart';
        },
        revokeObjectURL: () => undefined,
      }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { container } = render(
      <SnapshotChartView
        locale="en-US"
        fileName="views"
        series={[series('a', 10, (i) => BigInt(i)), series('b', 10, (i) => BigInt(3 * i))]}
      />,
    );
    fireEvent.pointerMove(container.querySelector('[data-part="plot"]')!, { clientX: 300 });
    expect(container.querySelector('[data-part="crosshair"]')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Download SVG' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toContain('image/svg+xml');
    const text = await blobs[0]!.text();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const saved = [...doc.querySelectorAll('path')].map((p) => p.getAttribute('d'));
    expect(saved).toEqual(paths(container).map((p) => p.getAttribute('d')));
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(doc.querySelector('[data-part="crosshair"]')).toBeNull();
    expect(text).not.toContain('var(--');
  });

  it('follows its container width through ResizeObserver', () => {
    let notify: ((entries: Array<{ contentRect: { width: number } }>) => void) | undefined;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: typeof notify) {
          notify = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => {
      cb();
      return 1;
    });
    const { container } = render(
      <SnapshotChartView locale="en-US" series={[series('a', 10, (i) => BigInt(i))]} />,
    );
    const width = () => container.querySelector('[data-part="plot"] svg')?.getAttribute('width');
    // jsdom lays nothing out: the default width until the observer reports
    expect(width()).toBe('640');
    act(() => notify?.([{ contentRect: { width: 320 } }]));
    expect(width()).toBe('320');
  });

  it('drops time labels that would run into each other (long Arabic month names, narrow plot)', () => {
    for (const width of [240, 280, 320, 360]) {
      const { container, unmount } = render(
        <SnapshotChartView
          series={[series('a', 73, (i) => BigInt(i * 1000))]}
          width={width}
          locale="ar-EG"
        />,
      );
      const labels = [...container.querySelectorAll('[data-part="axes"] text')].filter(
        (t) => t.getAttribute('x') !== '-8',
      );
      expect(labels.length).toBeGreaterThanOrEqual(2);
      // each label's extent at the axes' own estimate of 6.6 px a character
      const spans = labels.map((t) => {
        const x = Number(t.getAttribute('x'));
        const w = (t.textContent ?? '').length * 6.6;
        const anchor = t.getAttribute('text-anchor');
        const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
        return [left, left + w] as const;
      });
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThan(spans[i - 1]![1]);
      unmount();
    }
  });

  it('shows loading, empty and error states with a retry', async () => {
    const user = userEvent.setup();
    const { container, rerender } = render(<SnapshotChartView status="pending" series={[]} height={300} />);
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('loading');
    // as tall as the plot, then the footer row: nothing jumps when the data arrives
    const blocks = screen.getByRole('status', { name: 'Loading…' }).children;
    expect([...blocks].map((b) => (b as HTMLElement).style.height)).toEqual(['300px', '36px']);
    rerender(<SnapshotChartView series={[series('a', 0, () => 0n)]} />);
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('empty');
    // one snapshot has no change per hour yet
    rerender(<SnapshotChartView mode="perHour" series={[series('a', 1, () => 5n)]} />);
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('empty');
    screen.getByText(/No snapshots to chart yet/);
    const onRetry = vi.fn();
    rerender(
      <SnapshotChartView
        status="error"
        error={new ContentStatsError({ code: 'network', message: 'offline' })}
        onRetry={onRetry}
        series={[]}
      />,
    );
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('error');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    rerender(<SnapshotChartView series={[]} renderEmpty={() => <p>Nothing here</p>} />);
    screen.getByText('Nothing here');
  });

  it("can hide series under the caller's control", async () => {
    const user = userEvent.setup();
    const onHiddenSeriesChange = vi.fn();
    const two = [series('a', 5, (i) => BigInt(i)), series('b', 5, (i) => BigInt(i))];
    const { container, rerender } = render(
      <SnapshotChartView series={two} hiddenSeries={['a']} onHiddenSeriesChange={onHiddenSeriesChange} />,
    );
    expect(paths(container).map((p) => p.dataset.series)).toEqual(['b']);
    await user.click(screen.getByRole('button', { name: 'B' }));
    expect(onHiddenSeriesChange).toHaveBeenCalledWith(['a', 'b']);
    // controlled: nothing changes until the caller passes the new value
    expect(paths(container)).toHaveLength(1);
    rerender(
      <SnapshotChartView series={two} hiddenSeries={[]} onHiddenSeriesChange={onHiddenSeriesChange} />,
    );
    expect(paths(container)).toHaveLength(2);
  });

  it('takes its strings from labels', async () => {
    render(
      <SnapshotChartView
        locale="de-DE"
        labels={{ chartDownloadSvg: 'Als SVG speichern', chartLegend: 'Reihen' }}
        series={[series('a', 3, (i) => BigInt(i * 1000))]}
      />,
    );
    screen.getByRole('button', { name: 'Als SVG speichern' });
    screen.getByRole('group', { name: 'Reihen' });
    // German grouping in the hidden table
    await waitFor(() => expect(screen.getByRole('table').textContent).toContain('2.000'));
  });

  it('puts className, style and parts on the root', () => {
    const { container } = render(
      <SnapshotChartView
        className="mine"
        style={{ maxWidth: 500 }}
        series={[series('a', 3, (i) => BigInt(i))]}
      />,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.className).toContain('mine');
    expect(root.style.maxWidth).toBe('500px');
    expect(root.getAttribute('data-part')).toBe('base');
    for (const part of ['plot', 'legend']) expect(root.querySelector(`[data-part="${part}"]`)).not.toBeNull();
  });
});
