import { SNAPSHOT_PRICE_USD } from '../../shared/cost.js';

/** Money is kept in integer thousandths of a dollar so sums never drift ($0.015 = 15). */
export type Mills = number;

/** Price of one snapshot in thousandths of a dollar. */
export const SNAPSHOT_PRICE_MILLS: Mills = Math.round(SNAPSHOT_PRICE_USD * 1000);

/**
 * Largest starting balance a key may have: $1 trillion keeps every amount in mills a
 * safe integer (below 2^53), so sums stay exact and {@link toUsd} prints clean decimals.
 */
export const MAX_BALANCE_USD = 1e12;

/**
 * A starting balance in dollars (finite, 0 to {@link MAX_BALANCE_USD}) → thousandths,
 * rounded **down**: never credit money the key does not have, or a balance half a mill
 * short of a tracking would cover it and end below zero.
 */
export function toMills(usd: number): Mills {
  // The shortest decimal of `usd` is what the caller wrote (87.3855, not 87.38549999…):
  // truncating its digits avoids both float noise and rounding up.
  const text = String(usd);
  if (text.includes('e')) return 0; // only below 1e-6 once capped at 1e12: less than a mill
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
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
