import type { Snapshot } from '../../src/client/types';
import { type SnapshotPoint, toPoints } from '../../src/metrics/series';

const HOUR = 3_600_000;
export const T0 = Date.parse('2026-03-01T00:00:00.000Z');

/** `count` hourly snapshots whose views grow by `step` from `start` (strings, so above 2^53 stays exact). */
export function makeSnapshots(
  count: number,
  {
    start = 1000n,
    step = 100n,
    provider = 'primary',
  }: { start?: bigint; step?: bigint; provider?: string } = {},
): Snapshot[] {
  return Array.from({ length: count }, (_, i) => {
    const views = start + step * BigInt(i);
    return {
      id: `snap${i}`,
      snapshot_id: `snap${i}`,
      snapshot_time: new Date(T0 + i * HOUR).toISOString(),
      views: views.toString(),
      likes: (views / 10n).toString(),
      comments: (views / 100n).toString(),
      shares: (views / 1000n).toString(),
      saves: null,
      provider,
    };
  });
}

export function makePoints(...args: Parameters<typeof makeSnapshots>): SnapshotPoint<Snapshot>[] {
  return toPoints(makeSnapshots(...args));
}
