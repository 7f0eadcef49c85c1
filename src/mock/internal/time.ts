/** One hour in milliseconds: the snapshot cadence. */
export const HOUR_MS = 3_600_000;

/** ISO 8601 in UTC without milliseconds (`2024-01-29T10:00:00Z`), as the API docs show. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `ms` truncated to a whole second, so stored times round-trip through {@link isoSeconds}. */
export function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
