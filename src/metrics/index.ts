// counts
export { countToNumber, isCountString, isUnsafeCount, parseCount } from './counts.js';

// series
export { engagementRate, METRICS, toDeltas, toPoints } from './series.js';
export type { MetricName, SnapshotCounts, SnapshotDelta, SnapshotPoint } from './series.js';

// downsampling
export { downsampleLttb } from './downsample.js';
