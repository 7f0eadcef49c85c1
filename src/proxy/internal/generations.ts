import type { ProxyStore } from '../cache.js';
import type { StoreKeys } from './storeKeys.js';

/**
 * A video's generation: a random value in the shared store, changed whenever the video changes
 * through the proxy (a stop). A read whose upstream call was in flight meanwhile sees another
 * generation afterwards and keeps nothing, since it may hold the old state. Random, so it never
 * repeats; in the store, so it works across instances.
 */
export interface Generations {
  read(videoId: string): Promise<string | undefined>;
  bump(videoId: string): Promise<void>;
}

/** `lifetimeMs` must outlive any read in flight (its upstream call and read are bounded by the timeout). */
export function createGenerations(store: ProxyStore, keys: StoreKeys, lifetimeMs: number): Generations {
  const key = (videoId: string) => keys.scoped(`gen:video:${videoId}`);
  return {
    read: async (videoId) => store.get(await key(videoId)),
    bump: async (videoId) => {
      await store.set(await key(videoId), globalThis.crypto.randomUUID(), lifetimeMs);
    },
  };
}
