import { sha256 } from './etag.js';
import type { UpstreamConfig } from './upstream.js';

/** Store keys of one proxy: prefixed so that proxies of different accounts can share a store. */
export interface StoreKeys {
  /** `key` under this proxy's namespace. */
  scoped(key: string): Promise<string>;
  /** Where the cached answer of a video lives. */
  video(videoId: string): Promise<string>;
  /** Where the generation marker guarding that answer lives. */
  generation(videoId: string): Promise<string>;
}

/**
 * The namespace is a hash of upstream and key: store keys never contain the key itself. A video's
 * answer and its marker share a Redis Cluster hash tag (`{id}`), since one script reads both.
 */
export function createStoreKeys(upstream: UpstreamConfig): StoreKeys {
  let namespace: Promise<string> | null = null;
  const scoped = async (key: string) => {
    namespace ??= sha256(`${upstream.baseUrl}\n${upstream.apiKey}`).then((hash) => hash.slice(0, 12));
    return `${await namespace}:${key}`;
  };
  return {
    scoped,
    video: (videoId) => scoped(`video:{${videoId}}`),
    generation: (videoId) => scoped(`gen:video:{${videoId}}`),
  };
}
