import type { ReactNode } from 'react';
import { type UseSnapshotsResult, useSnapshots } from '../../react/useSnapshots.js';

/** Props of {@link CollectSnapshots}. */
export interface CollectSnapshotsProps {
  ids: readonly string[];
  render: (results: UseSnapshotsResult[]) => ReactNode;
}

interface StepProps extends CollectSnapshotsProps {
  results: UseSnapshotsResult[];
}

/**
 * `useSnapshots` for a list of videos, with a stable hook order: one nested component per video,
 * each calling the hook once and passing the results gathered so far down to the next. Changing
 * an id re-targets its hook in place; changing how many ids remounts what `render` returns.
 */
export function CollectSnapshots({ ids, render }: CollectSnapshotsProps) {
  return <Step ids={ids} render={render} results={[]} />;
}

function Step({ ids, render, results }: StepProps) {
  const id = ids[results.length];
  if (id === undefined) return <>{render(results)}</>;
  return <One id={id} ids={ids} render={render} results={results} />;
}

function One({ id, ids, render, results }: StepProps & { id: string }) {
  const result = useSnapshots(id);
  return <Step ids={ids} render={render} results={[...results, result]} />;
}
