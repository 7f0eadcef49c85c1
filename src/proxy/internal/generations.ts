import type { ProxyStore } from '../cache.js';
import type { StoreKeys } from './storeKeys.js';

/**
 * A video's generation: a marker in the store, changed whenever the video changes through the
 * proxy (a stop). A read takes it before its upstream call and keeps the answer only if it is
 * still the same, in one atomic step with the write: a read that was in flight across a stop,
 * or across the loss of the marker, keeps nothing, since it may hold the old state. In the
 * store, so it works across instances.
 */
export interface Generations {
  /** The video's generation now, a token to compare later. */
  read(videoId: string): Promise<string>;
  bump(videoId: string): Promise<void>;
  /** Stores the video's cache entry for `ttlMs` only if its generation is still `generation`; `true` when stored. */
  keep(videoId: string, generation: string, value: string, ttlMs: number): Promise<boolean>;
}

/** `lifetimeMs` must outlive any read in flight (its upstream call and read are bounded by the timeout). */
export function createGenerations(store: ProxyStore, keys: StoreKeys, lifetimeMs: number): Generations {
  const markerKey = (videoId: string) => keys.generation(videoId);
  const { readMarker, changeMarker, setIfMarker } = store;
  if (readMarker !== undefined && changeMarker !== undefined && setIfMarker !== undefined) {
    return {
      read: async (videoId) => readMarker.call(store, await markerKey(videoId), lifetimeMs),
      bump: async (videoId) => changeMarker.call(store, await markerKey(videoId), lifetimeMs),
      keep: async (videoId, generation, value, ttlMs) =>
        setIfMarker.call(store, await keys.video(videoId), value, ttlMs, {
          key: await markerKey(videoId),
          token: generation,
        }),
    };
  }
  // a store without marker operations: the same with get and set, not atomic across instances
  const read = async (videoId: string) => (await store.get(await markerKey(videoId))) ?? 'absent';
  return {
    read,
    bump: async (videoId) => {
      await store.set(await markerKey(videoId), globalThis.crypto.randomUUID(), lifetimeMs);
    },
    keep: async (videoId, generation, value, ttlMs) => {
      if ((await read(videoId)) !== generation) return false;
      await store.set(await keys.video(videoId), value, ttlMs);
      return true;
    },
  };
}

/** Whether `store` has all three marker operations, none, or (a mistake) some. */
export function markerSupport(store: ProxyStore): 'all' | 'none' | 'some' {
  const count = [store.readMarker, store.changeMarker, store.setIfMarker].filter(
    (operation) => operation !== undefined,
  ).length;
  return count === 3 ? 'all' : count === 0 ? 'none' : 'some';
}
