import type { Reply } from './reply.js';

interface Stored {
  fingerprint: string;
  reply: Reply;
  storedAt: number;
}

/** Remembers successful results per `Idempotency-Key` of one API key. */
export interface IdempotencyStore {
  get(key: string): Stored | undefined;
  put(key: string, fingerprint: string, reply: Reply): void;
}

/** Keys are kept 24 hours of wall-clock time (our choice; the docs are silent). */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** A store whose entries expire `ttlMs` after they were written, on `wallClock`. */
export function createIdempotencyStore(
  wallClock: () => number,
  ttlMs = IDEMPOTENCY_TTL_MS,
): IdempotencyStore {
  const entries = new Map<string, Stored>();
  const prune = () => {
    const cutoff = wallClock() - ttlMs;
    for (const [key, entry] of entries) if (entry.storedAt <= cutoff) entries.delete(key);
  };
  return {
    get(key) {
      prune();
      return entries.get(key);
    },
    put(key, fingerprint, reply) {
      entries.set(key, { fingerprint, reply, storedAt: wallClock() });
    },
  };
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` count as the same body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
