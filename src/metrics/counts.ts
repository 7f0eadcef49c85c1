const COUNT = /^\d{1,40}$/;

/** `true` when `value` is a BigInt-as-string count (non-negative decimal digits). */
export function isCountString(value: unknown): value is string {
  return typeof value === 'string' && COUNT.test(value);
}

/** Longest count read digit by digit: 15 digits stay below 2^53, so the sum is exact. */
const SMALL_DIGITS = 15;

/**
 * The value of a count of at most 15 digits, read in one pass that also checks every character
 * is a digit; -1 for anything else (longer counts, non-digits, the empty string, non-strings).
 * Faster than the regex test plus `Number()` or `BigInt()` of the string, which snapshots need
 * five times each.
 */
export function smallCount(value: unknown): number {
  if (typeof value !== 'string') return -1;
  const length = value.length;
  if (length === 0 || length > SMALL_DIGITS) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Exact value of a BigInt-as-string count; `null` stays `null`. Throws `TypeError` on anything else. */
export function parseCount(value: string): bigint;
export function parseCount(value: string | null): bigint | null;
export function parseCount(value: string | null): bigint | null {
  if (value === null) return null;
  const small = smallCount(value);
  if (small >= 0) return BigInt(small);
  if (!isCountString(value)) throw new TypeError(`Not a count: ${JSON.stringify(value)}`);
  return BigInt(value);
}

/**
 * A count as a `number` for charts and rates: exact up to 2^53 − 1 and the nearest
 * double above it (never `NaN`). `null` stays `null`.
 */
export function countToNumber(value: string): number;
export function countToNumber(value: string | null): number | null;
export function countToNumber(value: string | null): number | null {
  if (value === null) return null;
  const small = smallCount(value);
  if (small >= 0) return small;
  if (!isCountString(value)) throw new TypeError(`Not a count: ${JSON.stringify(value)}`);
  return Number(value);
}

/** `true` when the count is above `Number.MAX_SAFE_INTEGER`, so its `number` form is rounded. */
export function isUnsafeCount(value: string): boolean {
  return isCountString(value) && BigInt(value) > BigInt(Number.MAX_SAFE_INTEGER);
}
