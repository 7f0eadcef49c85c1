const COUNT = /^\d{1,40}$/;

/** `true` when `value` is a BigInt-as-string count (non-negative decimal digits). */
export function isCountString(value: unknown): value is string {
  return typeof value === 'string' && COUNT.test(value);
}

/** Exact value of a BigInt-as-string count; `null` stays `null`. Throws `TypeError` on anything else. */
export function parseCount(value: string): bigint;
export function parseCount(value: string | null): bigint | null;
export function parseCount(value: string | null): bigint | null {
  if (value === null) return null;
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
  if (!isCountString(value)) throw new TypeError(`Not a count: ${JSON.stringify(value)}`);
  return Number(value);
}

/** `true` when the count is above `Number.MAX_SAFE_INTEGER`, so its `number` form is rounded. */
export function isUnsafeCount(value: string): boolean {
  return isCountString(value) && BigInt(value) > BigInt(Number.MAX_SAFE_INTEGER);
}
