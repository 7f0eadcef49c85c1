// The cost rules live in the shared leaf, where the proxy and the local API read them too.
export {
  durationProblem,
  estimateCost,
  MAX_DURATION_DAYS,
  MIN_DURATION_DAYS,
  SNAPSHOT_PRICE_USD,
  snapshotCount,
} from '../shared/cost.js';
