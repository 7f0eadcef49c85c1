// Axis labels in compact form with as many digits as it takes to tell neighbours apart: a flat
// series near 9 quadrillion would otherwise read "9007.2T" on every tick.

import { intlFormat } from '../internal/format.js';

function compactFormat(locale: string | undefined, digits: number | undefined): Intl.NumberFormat {
  return intlFormat(
    'NumberFormat',
    locale,
    digits === undefined
      ? { notation: 'compact', maximumFractionDigits: 1 }
      : { notation: 'compact', maximumSignificantDigits: digits },
  );
}

function allDistinct(labels: readonly string[]): boolean {
  return new Set(labels).size === labels.length;
}

/**
 * Compact labels for ascending tick values (`1.2M`, `10T`), with more significant digits when
 * the usual one decimal would give two ticks the same label. Labels are distinct whenever the
 * values are (up to the 21 digits `Intl` can show).
 */
export function tickLabels(values: readonly number[], locale: string | undefined): string[] {
  let labels = values.map((v) => compactFormat(locale, undefined).format(v));
  if (allDistinct(labels)) return labels;
  for (let digits = 2; digits <= 21; digits++) {
    const format = compactFormat(locale, digits);
    labels = values.map((v) => format.format(v));
    if (allDistinct(labels)) return labels;
  }
  return labels;
}
