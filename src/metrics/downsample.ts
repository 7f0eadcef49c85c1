/**
 * Largest-Triangle-Three-Buckets downsampling that also keeps each series' extremes.
 *
 * Keeps the first and the last point, and (with a `target` of 4 or more) the points holding
 * the global minimum and maximum of `y`, so a peak never disappears from a zoomed-out chart.
 * Returns at most `target` points, in input order, in one O(n) pass plus a scan for the
 * extremes. Input must be sorted by `x`; `y` must be finite (filter gaps out first).
 * Returns a copy of `data` when it is already short enough.
 *
 * Area comparisons inside a bucket are invariant under any affine scaling of `x` and `y`, so
 * raw data values and pixel coordinates choose the same points; pass `log10(y)` for a log axis.
 */
export function downsampleLttb<T>(
  data: readonly T[],
  target: number,
  x: (datum: T) => number,
  y: (datum: T) => number,
): T[] {
  const n = data.length;
  const limit = Math.floor(target);
  if (n <= limit || n <= 2) return data.slice();
  if (limit < 1) return [];
  if (limit === 1) return [data[0] as T];
  if (limit === 2) return [data[0] as T, data[n - 1] as T];

  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = data[i] as T;
    xs[i] = x(d);
    ys[i] = y(d);
  }
  const indices = downsampleLttbIndices(xs, ys, limit);
  const out: T[] = new Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = data[indices[i] as number] as T;
  return out;
}

/**
 * {@link downsampleLttb} over coordinate arrays (same length, sorted by `xs`, finite `ys`):
 * the ascending indices of the points it keeps. For callers that already hold the coordinates
 * (a chart redrawing a million points at a new size need not read them out of objects again).
 */
export function downsampleLttbIndices(xs: Float64Array, ys: Float64Array, target: number): number[] {
  const n = xs.length;
  const limit = Math.floor(target);
  if (n <= limit || n <= 2) return Array.from({ length: n }, (_, i) => i);
  if (limit < 1) return [];
  if (limit === 1) return [0];
  if (limit === 2) return [0, n - 1];
  let minIdx = 0;
  let maxIdx = 0;
  for (let i = 1; i < n; i++) {
    const v = ys[i] as number;
    if (v < (ys[minIdx] as number)) minIdx = i;
    if (v > (ys[maxIdx] as number)) maxIdx = i;
  }

  // extremes that the first/last points do not already cover claim slots of the budget
  const extras: number[] = [];
  if (limit >= 4) {
    for (const idx of minIdx <= maxIdx ? [minIdx, maxIdx] : [maxIdx, minIdx])
      if (idx !== 0 && idx !== n - 1 && !extras.includes(idx)) extras.push(idx);
  }
  const picked = lttbIndices(xs, ys, limit - extras.length);
  return extras.length === 0 ? picked : mergeSorted(picked, extras);
}

/** Classic LTTB over coordinate arrays; returns ascending indices, first and last included. */
function lttbIndices(xs: Float64Array, ys: Float64Array, budget: number): number[] {
  const n = xs.length;
  if (budget <= 2) return [0, n - 1];
  const picked: number[] = [0];
  const every = (n - 2) / (budget - 2);
  let a = 0;
  for (let bucket = 0; bucket < budget - 2; bucket++) {
    // average of the next bucket is the third corner of every triangle in this one
    const nextStart = Math.floor((bucket + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j] as number;
      avgY += ys[j] as number;
    }
    const count = nextEnd - nextStart;
    if (count > 0) {
      avgX /= count;
      avgY /= count;
    } else {
      avgX = xs[n - 1] as number;
      avgY = ys[n - 1] as number;
    }

    const start = Math.floor(bucket * every) + 1;
    const end = Math.floor((bucket + 1) * every) + 1;
    const ax = xs[a] as number;
    const ay = ys[a] as number;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * ((ys[j] as number) - ay) - (ax - (xs[j] as number)) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    picked.push(best);
    a = best;
  }
  picked.push(n - 1);
  return picked;
}

/** Union of two ascending index lists, ascending, without duplicates. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next =
      j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))
        ? (a[i++] as number)
        : (b[j++] as number);
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}
