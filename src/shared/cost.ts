/** Price of one hourly snapshot in USD. */
export const SNAPSHOT_PRICE_USD = 0.015;
/** Shortest tracking the API accepts, in days. */
export const MIN_DURATION_DAYS = 1;
/** Longest tracking the API accepts, in days (our choice where the docs are silent). */
export const MAX_DURATION_DAYS = 30;

/** Why a duration is refused, or `null` when it is fine. */
export function durationProblem(durationDays: unknown): string | null {
  if (typeof durationDays !== 'number' || !Number.isInteger(durationDays)) {
    return 'duration_days must be a whole number of days.';
  }
  if (durationDays < MIN_DURATION_DAYS || durationDays > MAX_DURATION_DAYS) {
    return `duration_days must be between ${MIN_DURATION_DAYS} and ${MAX_DURATION_DAYS}.`;
  }
  return null;
}

/** Number of hourly snapshots a tracking of `durationDays` takes. */
export function snapshotCount(durationDays: number): number {
  return durationDays * 24;
}

/**
 * Estimated cost in USD of tracking a video for `durationDays`: $0.015 per hourly
 * snapshot, so 7 days → 168 snapshots → 2.52. Throws a `RangeError` for a duration
 * the API refuses.
 */
export function estimateCost(durationDays: number): number {
  const problem = durationProblem(durationDays);
  if (problem) throw new RangeError(problem);
  // integer thousandths of a dollar, so 168 × 0.015 is exactly 2.52
  return (snapshotCount(durationDays) * 15) / 1000;
}
