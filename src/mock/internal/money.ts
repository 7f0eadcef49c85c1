import { SNAPSHOT_PRICE_USD } from '../../client/cost.js';

/** Money is kept in integer thousandths of a dollar so sums never drift ($0.015 = 15). */
export type Mills = number;

/** Price of one snapshot in thousandths of a dollar. */
export const SNAPSHOT_PRICE_MILLS: Mills = Math.round(SNAPSHOT_PRICE_USD * 1000);

/** Whole dollars (possibly fractional) → thousandths. */
export function toMills(usd: number): Mills {
  return Math.round(usd * 1000);
}

/** Thousandths → dollars as a JSON number (168 × 15 → 2.52). */
export function toUsd(mills: Mills): number {
  return mills / 1000;
}

/** `$1.20`, rounded down (what you have) or up (what you need) to the cent. */
export function formatUsd(mills: Mills, round: 'down' | 'up'): string {
  const cents = round === 'down' ? Math.floor(mills / 10) : Math.ceil(mills / 10);
  return `$${(cents / 100).toFixed(2)}`;
}
