// keys
export { contentStatsKeys } from './keys';
// mutations
export {
  checkTrackInput,
  knownSpendable,
  stopTrackingMutationOptions,
  trackVideoMutationOptions,
} from './mutations';
export type { ContentStatsContext } from './options';
// query options
export {
  LIST_STALE_MS,
  USAGE_STALE_MS,
  usageQueryOptions,
  videoListQueryOptions,
  videoQueryOptions,
} from './options';
export type { SnapshotPersister, SnapshotPersisterOptions, SnapshotStorage } from './persist';
// persistence
export { createSnapshotPersister } from './persist';
export type { RefetchDelayOptions } from './schedule';
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
} from './schedule';
