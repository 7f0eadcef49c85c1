// keys
export { contentStatsKeys } from './keys.js';

// query options
export {
  LIST_STALE_MS,
  USAGE_STALE_MS,
  usageQueryOptions,
  videoListQueryOptions,
  videoQueryOptions,
  withoutMeta,
} from './options.js';
export type { ContentStatsContext } from './options.js';

// mutations
export {
  freshSpendable,
  RESUBMIT_WINDOW_MS,
  stopTrackingMutationOptions,
  trackProblem,
  trackVideoMutationOptions,
} from './mutations.js';

// refetch schedule
export {
  isBudgetLow,
  isFinished,
  MAX_FAILURE_BACKOFF_MS,
  MIN_POLL_MS,
  nextFetchAt,
  refetchDelay,
  SNAPSHOT_GRACE_MS,
  SNAPSHOT_JITTER_MS,
  videoStaleTime,
} from './schedule.js';
export type { RefetchDelayOptions, VideoData } from './schedule.js';

// persistence
export { createSnapshotPersister } from './persist.js';
export type { SnapshotPersister, SnapshotPersisterOptions, SnapshotStorage } from './persist.js';
