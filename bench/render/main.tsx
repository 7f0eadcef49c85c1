/**
 * The render bench page: our `SnapshotChartView` (React, our styles) and uPlot draw the same
 * in-memory data in two 800 px slots of one page. Both are timed by the same rules (see `painted`).
 */
import { createRoot, type Root } from 'react-dom/client';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartSeries } from '../../src/components/chart/types.js';
import { SnapshotChartView } from '../../src/components/SnapshotChartView.js';
import type { Library, RenderBenchApi, RenderCase, RunResult } from './protocol.js';

const START = Date.UTC(2026, 10, 2, 9, 0, 0);
const HOUR = 3_600_000;
const WIDTH = 800;
const HEIGHT = 280;
const METRICS = ['Views', 'Likes', 'Comments', 'Shares'] as const;
const RATES = [1, 0.081, 0.0042, 0.0031];
// pointer positions across the plot (fractions of its width); the first move is not timed
const STOPS = [0.5, 0.2, 0.8, 0.35, 0.65, 0.1, 0.9, 0.45, 0.55];
const COLORS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#65a30d'];

declare const gc: (() => void) | undefined;

/** mulberry32: the same case always gets the same numbers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative views of a plausible video: fast early growth that flattens, a little noise. */
function viewsOf(points: number, seed: number): Float64Array {
  const next = random(seed);
  const out = new Float64Array(points);
  const final = 200_000 + next() * 800_000;
  const halfLife = Math.max(6, points / 8);
  let views = 1000;
  for (let h = 0; h < points; h++) {
    const target = 1000 + final * (1 - Math.exp(-(h + 1) / halfLife));
    views = Math.max(views, Math.round(target * (0.995 + next() * 0.01)));
    out[h] = views;
  }
  return out;
}

interface Prepared {
  c: RenderCase;
  /** Our input: what `seriesFromPoints` gives (exact counts as bigints, as from the API). */
  series: ChartSeries[];
  /** uPlot's input: seconds, then one array per line. */
  aligned: number[][];
  labels: string[];
  log: boolean;
}

let prepared: Prepared | null = null;

function prepare(c: RenderCase): void {
  prepared = null;
  const times = new Float64Array(c.points);
  for (let i = 0; i < c.points; i++) times[i] = START + i * HOUR;
  // one video: its four metrics on a log scale, as `<SnapshotChart videoId>` draws it;
  // several videos: one line of views each in one chart, as `<SnapshotChart videoIds>` draws them
  const lines: { label: string; values: Float64Array }[] = [];
  if (c.videos === 1) {
    const views = viewsOf(c.points, 1);
    const next = random(99);
    METRICS.forEach((label, m) => {
      const values = new Float64Array(c.points);
      let max = 0;
      for (let i = 0; i < c.points; i++) {
        max = Math.max(max, Math.round((views[i] as number) * (RATES[m] as number) * (0.9 + next() * 0.2)));
        values[i] = max;
      }
      lines.push({ label, values });
    });
  } else {
    for (let v = 0; v < c.videos; v++)
      lines.push({ label: `Video ${v + 1}`, values: viewsOf(c.points, v + 1) });
  }
  const series: ChartSeries[] = lines.map(({ label, values }) => {
    const points = new Array(c.points);
    for (let i = 0; i < c.points; i++) {
      const value = values[i] as number;
      points[i] = { time: times[i] as number, value, exact: BigInt(value) };
    }
    return { id: label, label, points };
  });
  const seconds = Array.from(times, (t) => t / 1000);
  const aligned = [seconds, ...lines.map(({ values }) => Array.from(values))];
  prepared = { c, series, aligned, labels: lines.map((l) => l.label), log: c.videos === 1 };
}

const slots = {
  ours: document.getElementById('ours') as HTMLElement,
  uplot: document.getElementById('uplot') as HTMLElement,
};
let root: Root | null = null;
let plot: uPlot | null = null;

function clear(library?: Library): void {
  if (library !== 'uplot') {
    root?.unmount();
    root = null;
    slots.ours.replaceChildren();
  }
  if (library !== 'ours') {
    plot?.destroy();
    plot = null;
    slots.uplot.replaceChildren();
  }
}

/**
 * Resolves with the time at which `ready()` first holds, checked now and after every DOM
 * mutation under `host` (a microtask after the change, before anything is painted).
 */
function when(host: HTMLElement, ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (ready()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(host, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Resolves with the time of a task queued now: after the frame being produced has been painted. */
function afterThisFrame(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
}

/**
 * The common end of every timing: the next animation frame, a forced layout of the host in it,
 * then a task queued from that frame, which runs once the frame has been painted.
 */
function painted(host: HTMLElement): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      host.getBoundingClientRect();
      void host.offsetHeight;
      void afterThisFrame().then(resolve);
    });
  });
}

// A 1 px box resized at the start of each timed frame: its ResizeObserver callback runs in that
// frame's rendering steps (after style and layout, before paint), marking where the frame was cut
const probe = document.createElement('div');
probe.style.cssText = 'position:fixed;left:0;bottom:0;width:1px;height:1px;pointer-events:none';
document.body.append(probe);
let onFrameRendered: (() => void) | null = null;
new ResizeObserver(() => onFrameRendered?.()).observe(probe);

/**
 * One pointer move, timed as Chromium delivers real ones: at the start of a frame (pointer moves
 * are aligned to animation frames). A tooltip updated before that frame's rendering steps (in the
 * event or its microtasks) is painted in it; one updated later waits for the next frame.
 * Returns [to painted, to DOM updated] in ms.
 */
function timedMove(host: HTMLElement, mounted: Mounted, x: number, y: number): Promise<[number, number]> {
  const before = mounted.tooltipText();
  const ready = () => {
    const text = mounted.tooltipText();
    return text !== '' && text !== before;
  };
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      let rendered = false;
      onFrameRendered = () => {
        rendered = true;
        onFrameRendered = null;
      };
      probe.style.width = probe.style.width === '2px' ? '1px' : '2px';
      const thisFrame = afterThisFrame();
      const t0 = performance.now();
      mounted.move(x, y);
      void when(host, ready).then(async (shown) => {
        if (!rendered) {
          host.getBoundingClientRect();
          resolve([(await thisFrame) - t0, shown - t0]);
        } else {
          resolve([(await painted(host)) - t0, shown - t0]);
        }
      });
    });
  });
}

interface Mounted {
  /** Element pointer events go to. */
  target: HTMLElement;
  /** Text that changes when the tooltip shows another point. */
  tooltipText(): string;
  move(clientX: number, clientY: number): void;
  lines(): number;
  drawnWidth(): number;
}

async function mountOurs(p: Prepared): Promise<{ time: number; work: number; mounted: Mounted }> {
  const host = slots.ours;
  const expected = p.series.length;
  const drawn = () => {
    const paths = host.querySelectorAll('path[data-series]');
    return paths.length === expected && [...paths].every((path) => (path.getAttribute('d') ?? '').length > 0);
  };
  const t0 = performance.now();
  root = createRoot(host);
  root.render(
    <SnapshotChartView
      series={p.series}
      title={p.log ? METRICS.join(', ') : 'Views'}
      scale={p.log ? 'log' : 'linear'}
      height={HEIGHT}
    />,
  );
  const work = (await when(host, drawn)) - t0;
  const time = (await painted(host)) - t0;
  const target = host.querySelector<HTMLElement>('[data-part="plot"]') as HTMLElement;
  return {
    time,
    work,
    mounted: {
      target,
      tooltipText: () => host.querySelector('[data-part="tooltip"]')?.textContent ?? '',
      move: (clientX, clientY) =>
        target.dispatchEvent(
          new PointerEvent('pointermove', {
            bubbles: true,
            clientX,
            clientY,
            pointerType: 'mouse',
            isPrimary: true,
          }),
        ),
      lines: () => host.querySelectorAll('path[data-series]').length,
      drawnWidth: () => Number(host.querySelector('svg')?.getAttribute('width') ?? 0),
    },
  };
}

async function mountUplot(p: Prepared): Promise<{ time: number; work: number; mounted: Mounted }> {
  const host = slots.uplot;
  let onDraw = () => {};
  const drawnOnce = new Promise<void>((resolve) => {
    onDraw = resolve;
  });
  const t0 = performance.now();
  plot = new uPlot(
    {
      width: WIDTH,
      height: HEIGHT,
      scales: { x: { time: true }, y: p.log ? { distr: 3 } : {} },
      series: [
        {},
        ...p.labels.map((label, i) => ({ label, stroke: COLORS[i % COLORS.length] as string, width: 1.5 })),
      ],
      hooks: { draw: [() => onDraw()] },
    },
    p.aligned as uPlot.AlignedData,
    host,
  );
  await drawnOnce;
  const work = performance.now() - t0;
  const time = (await painted(host)) - t0;
  const u = plot;
  return {
    time,
    work,
    mounted: {
      target: u.over,
      tooltipText: () => [...host.querySelectorAll('.u-legend .u-value')].map((e) => e.textContent).join('|'),
      move: (clientX, clientY) =>
        u.over.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX, clientY })),
      lines: () => u.series.length - 1,
      drawnWidth: () => u.width,
    },
  };
}

async function run(library: Library, moves: number): Promise<RunResult> {
  if (!prepared) throw new Error('prepare a case first');
  clear(library);
  // a collection left over from the last run would land inside this one's timing
  if (typeof gc === 'function') gc();
  const host = slots[library];
  const { time, work, mounted } = await (library === 'ours' ? mountOurs(prepared) : mountUplot(prepared));
  const hover: number[] = [];
  const hoverWork: number[] = [];
  for (let i = 0; i <= moves; i++) {
    const rect = mounted.target.getBoundingClientRect();
    const stop = STOPS[i % STOPS.length] as number;
    const x = rect.left + rect.width * stop;
    const y = rect.top + rect.height / 2;
    const [toPaint, toDom] = await timedMove(host, mounted, x, y);
    if (i === 0) continue; // the first move opens the tooltip; the rest update it
    hover.push(toPaint);
    hoverWork.push(toDom);
  }
  return {
    mount: time,
    mountWork: work,
    hover,
    hoverWork,
    lines: mounted.lines(),
    drawnWidth: mounted.drawnWidth(),
  };
}

const api: RenderBenchApi = { prepare, run, clear };
window.renderBench = api;
