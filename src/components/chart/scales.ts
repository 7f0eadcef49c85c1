// Lean scales of our own: d3-scale brings interpolators and number formats the embed cannot afford.

/** A continuous scale from data values to pixels. */
export interface Scale {
  (value: number): number;
  invert(pixel: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** Linear scale; a zero-width domain maps everything to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const k = span === 0 ? 0 : (r1 - r0) / span;
  const scale = ((value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + (value - d0) * k)) as Scale;
  return Object.assign(scale, {
    invert: (pixel: number) => (k === 0 ? d0 : d0 + (pixel - r0) / k),
    domain,
    range,
  });
}

/**
 * Log10 scale. Zero and negative values have no logarithm: they are drawn on the axis floor
 * (`domain[0]`) instead of becoming NaN in a path.
 */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const lo = Math.log10(domain[0]);
  const inner = linearScale([lo, Math.log10(domain[1])], range);
  const scale = ((value: number) => inner(value > domain[0] ? Math.log10(value) : lo)) as Scale;
  return Object.assign(scale, {
    invert: (pixel: number) => 10 ** inner.invert(pixel),
    domain,
    range,
  });
}

/** A round step (1, 2 or 5 × 10^k) giving about `count` steps over [start, stop] (d3's rule). */
export function tickStep(start: number, stop: number, count: number): number {
  const raw = Math.abs(stop - start) / Math.max(1, count);
  if (raw === 0 || !Number.isFinite(raw)) return 1;
  let step = 10 ** Math.floor(Math.log10(raw));
  const error = raw / step;
  if (error >= Math.sqrt(50)) step *= 10;
  else if (error >= Math.sqrt(10)) step *= 5;
  else if (error >= Math.sqrt(2)) step *= 2;
  return step;
}

/** The domain widened to round ticks; a flat series gets room around its value. */
export function niceLinearDomain(min: number, max: number, count: number): [number, number] {
  let lo = min;
  let hi = max;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  // twice, as d3 does: the first rounding can change the step
  for (let i = 0; i < 2; i++) {
    const step = tickStep(lo, hi, count);
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
  }
  return [lo, hi];
}

/** Round ticks inside [min, max]. */
export function linearTicks(min: number, max: number, count: number): number[] {
  const step = tickStep(min, max, count);
  const out: number[] = [];
  const first = Math.ceil(min / step);
  const last = Math.floor(max / step);
  for (let i = first; i <= last && out.length < 1000; i++) {
    // divide by the inverse for fractional steps: 3 * 0.1 is 0.30000000000000004
    out.push(step < 1 ? i / Math.round(1 / step) : i * step);
  }
  return out;
}

/**
 * Log domain from the smallest positive and the largest value, widened to powers of ten. The top
 * gets one more decade when the largest value would sit on the plot's upper edge (within 4% of
 * the height), where its line would merge with the frame.
 */
export function logDomain(minPositive: number, max: number): [number, number] {
  const lo = Number.isFinite(minPositive) && minPositive > 0 ? minPositive : 1;
  const hi = Math.max(max, lo);
  const e0 = Math.floor(Math.log10(lo));
  let e1 = Math.max(Math.ceil(Math.log10(hi)), e0 + 1);
  if (e1 - Math.log10(hi) < 0.04 * (e1 - e0)) e1 += 1;
  return [10 ** e0, 10 ** e1];
}

/**
 * Powers of ten in the domain, ascending, with 2× and 5× steps when there are few decades. When
 * decades are skipped, the count starts from the top, so the domain's top always has a tick.
 */
export function logTicks(domain: readonly [number, number], count: number): number[] {
  const lo = Math.round(Math.log10(domain[0]));
  const hi = Math.round(Math.log10(domain[1]));
  const decades = hi - lo;
  const every = Math.max(1, Math.ceil(decades / Math.max(1, count)));
  const multipliers = decades * 3 <= count ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let e = hi - Math.floor(decades / every) * every; e <= hi; e += every) {
    for (const m of multipliers) {
      const value = m * 10 ** e;
      if (value <= domain[1] * (1 + 1e-9)) out.push(value);
    }
  }
  return out;
}
