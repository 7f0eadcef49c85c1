import { type Formatters, intlFormat } from '../internal/format.js';
import type { ChartMode, PlotPoint } from './types.js';

/**
 * The exact text of a point: totals with every digit (bigint-exact above 2^53), per-hour
 * changes signed, exact when both counts were exact and one hour apart, else to one decimal.
 */
export function exactText(point: PlotPoint, mode: ChartMode, format: Formatters): string {
  if (mode === 'total') return format.exact(point.exact ?? point.value);
  if (point.exact !== null)
    return intlFormat('NumberFormat', format.locale, {
      signDisplay: 'exceptZero',
      maximumFractionDigits: 0,
    }).format(point.exact);
  return format.deltaExact(point.value);
}

/** Short text of a point for summaries: `1.2M`, `+3.4K`. */
export function compactText(point: PlotPoint, mode: ChartMode, format: Formatters): string {
  return mode === 'total' ? format.compact(point.exact ?? point.value) : format.delta(point.value);
}
