// counts
export { countToNumber, isCountString, isUnsafeCount, parseCount } from './counts';
export type { MetricName, SnapshotCounts, SnapshotDelta, SnapshotPoint } from './series';
// series
export { engagementRate, METRICS, toDeltas, toPoints } from './series';
