// keys
export { contentStatsKeys } from './keys.js';
// mutations
export {
  checkTrackInput,
  knownSpendable,
  stopTrackingMutationOptions,
  trackVideoMutationOptions,
} from './mutations.js';
export type { ContentStatsContext } from './options.js';
// query options
export {
  LIST_STALE_MS,
  USAGE_STALE_MS,
  usageQueryOptions,
  videoListQueryOptions,
  videoQueryOptions,
} from './options.js';
export type { SnapshotPersister, SnapshotPersisterOptions, SnapshotStorage } from './persist.js';
// persistence
export { createSnapshotPersister } from './persist.js';
export type { RefetchDelayOptions } from './schedule.js';
// refetch schedule
export {
  isBudgetLow,
  isFinished,
  MIN_POLL_MS,
  nextSnapshotAt,
  refetchDelay,
  SNAPSHOT_GRACE_MS,
  SNAPSHOT_JITTER_MS,
  videoStaleTime,
} from './schedule.js';
