/** What the render bench page (bench/render/main.tsx) offers the driver (bench/render.ts) on `window`. */

/** A case: `videos` × `points` hourly snapshots. */
export interface RenderCase {
  /** Short id, e.g. `20x2160`. */
  id: string;
  videos: number;
  points: number;
}

/** Which chart draws. */
export type Library = 'ours' | 'uplot';

/** One fresh mount and its pointer moves. */
export interface RunResult {
  /** Mount to painted chart, ms. */
  mount: number;
  /** Mount to the lines being in the DOM (ours) / uPlot's draw hook, before the frame, ms. */
  mountWork: number;
  /** Per timed pointer move: to the first frame after the tooltip shows the new value, ms. */
  hover: number[];
  /** Per timed pointer move: to the tooltip DOM holding the new value (before the frame), ms. */
  hoverWork: number[];
  /** Lines drawn (paths or uPlot series), to check both charts drew the same thing. */
  lines: number;
  /** Width the chart was drawn at, px (ours: the SVG's; uPlot: its canvas box). */
  drawnWidth: number;
}

/** The page's API, as `window.renderBench`. */
export interface RenderBenchApi {
  /** Generates the data of a case for both libraries (not timed). */
  prepare(c: RenderCase): void;
  /** Mounts a chart of the prepared case (replacing that library's last one), waits for it to paint, moves the pointer; leaves it mounted. */
  run(library: Library, moves: number): Promise<RunResult>;
  /** Unmounts the chart of one library, or both. */
  clear(library?: Library): void;
}

declare global {
  interface Window {
    renderBench: RenderBenchApi;
  }
}
