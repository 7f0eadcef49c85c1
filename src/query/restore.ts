import type { QueryClient } from '@tanstack/query-core';
import { contentStatsKeys } from './keys.js';
import type { SnapshotPersister } from './persist.js';

/**
 * Puts what `persister` kept of video `id` into the cache when the cache has nothing for it yet,
 * marked stale: stored data is shown, never trusted, so an observer revalidates it.
 */
export function restorePersisted(
  queryClient: QueryClient,
  persister: SnapshotPersister,
  scope: string,
  id: string,
): void {
  const key = contentStatsKeys.video(scope, id);
  if (queryClient.getQueryData(key) !== undefined) return;
  const stored = persister.read(scope, id);
  if (!stored) return;
  queryClient.setQueryData(key, stored.video, { updatedAt: stored.savedAt });
  void queryClient.invalidateQueries({ queryKey: key, exact: true, refetchType: 'none' });
}
