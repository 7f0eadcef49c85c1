import { decodeVideo } from '../client/internal/decode.js';
import type { Video } from '../client/types.js';

/** The part of `Storage` the persister needs; `localStorage` and `sessionStorage` fit. */
export interface SnapshotStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Keeps fetched videos (snapshots never change) so a reload paints at once, then revalidates. */
export interface SnapshotPersister {
  read(scope: string, id: string): { video: Video; savedAt: number } | undefined;
  write(scope: string, video: Video): void;
}

/** Options of {@link createSnapshotPersister}. */
export interface SnapshotPersisterOptions {
  /** Where to keep videos, e.g. `window.localStorage`. */
  storage: SnapshotStorage;
  /** Key prefix. @defaultValue 'contentstats:v1' */
  prefix?: string;
  /** Videos kept at most; the least recently written go first. @defaultValue 50 */
  maxEntries?: number;
}

interface Entry {
  savedAt: number;
  video: Video;
}

/**
 * Opt-in persistence of videos and their snapshots. Storage failures (quota, private mode,
 * corrupt entries) never break a query: the entry is dropped and the network answers.
 */
export function createSnapshotPersister(options: SnapshotPersisterOptions): SnapshotPersister {
  const prefix = options.prefix ?? 'contentstats:v1';
  const max = options.maxEntries ?? 50;
  const indexKey = `${prefix}:index`;
  const keyOf = (scope: string, id: string) => `${prefix}:video:${scope}:${id}`;

  function readIndex(): string[] {
    try {
      const raw = options.storage.getItem(indexKey);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
    } catch {
      return [];
    }
  }

  return {
    read(scope, id) {
      const key = keyOf(scope, id);
      try {
        const raw = options.storage.getItem(key);
        if (!raw) return undefined;
        const entry = JSON.parse(raw) as Partial<Entry> | null;
        // checked like an API response: an old or corrupt entry is dropped, never shown
        const video = decodeVideo(entry?.video);
        if (typeof entry?.savedAt !== 'number' || video.id !== id) throw new Error('corrupt entry');
        return { video, savedAt: entry.savedAt };
      } catch {
        try {
          options.storage.removeItem(key);
        } catch {
          // storage unavailable: nothing to clean
        }
        return undefined;
      }
    },
    write(scope, video) {
      const key = keyOf(scope, video.id);
      try {
        options.storage.setItem(key, JSON.stringify({ savedAt: Date.now(), video } satisfies Entry));
        const index = [key, ...readIndex().filter((k) => k !== key)];
        for (const old of index.slice(max)) options.storage.removeItem(old);
        options.storage.setItem(indexKey, JSON.stringify(index.slice(0, max)));
      } catch {
        // quota or private mode: persistence is an optimisation, the query already has its data
      }
    },
  };
}
