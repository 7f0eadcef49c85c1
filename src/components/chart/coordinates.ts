import type { PlotPoint } from './types.js';

/** A series' `x` and `value` as arrays: what downsampling reads, without touching every point object. */
export interface Coordinates {
  xs: Float64Array;
  values: Float64Array;
}

// keyed by the points array, which `toPlotSeries` makes once per input: a resize, a scale change
// and the hidden table reuse the arrays instead of reading a million objects again
const cache = new WeakMap<readonly PlotPoint[], Coordinates>();

/** The coordinates of `points`, read once per array. */
export function coordinatesOf(points: readonly PlotPoint[]): Coordinates {
  let found = cache.get(points);
  if (!found) {
    const n = points.length;
    const xs = new Float64Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = points[i] as PlotPoint;
      xs[i] = p.x;
      values[i] = p.value;
    }
    found = { xs, values };
    cache.set(points, found);
  }
  return found;
}

/** Records coordinates already at hand (`toPlotSeries` has them as it builds the points). */
export function rememberCoordinates(points: readonly PlotPoint[], coordinates: Coordinates): void {
  cache.set(points, coordinates);
}

/** The points at `indices`. */
export function pick(points: readonly PlotPoint[], indices: readonly number[]): PlotPoint[] {
  const out: PlotPoint[] = new Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = points[indices[i] as number] as PlotPoint;
  return out;
}
