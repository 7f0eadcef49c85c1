/** A cached `GET /api/v1/videos/{id}` answer: the video, or its 404. */
export interface CacheEntry {
  status: 200 | 404;
  body: string;
  etag: string;
  /** When it stops being fresh, on the proxy's clock (ms since epoch). */
  expiresAt: number;
  /** The API's `Date` (ms since epoch) and when the proxy received it (proxy clock), to tell the API's time later. */
  date?: { api: number; received: number };
}

/** A stored entry, or `null` for a miss (absent, or corrupt in a shared store). */
export function parseEntry(raw: string | undefined): CacheEntry | null {
  if (raw === undefined) return null;
  try {
    const value = JSON.parse(raw) as Partial<CacheEntry>;
    // entries written before 404s were cached have no status: they are videos
    const status = value.status ?? 200;
    if (
      (status === 200 || status === 404) &&
      typeof value.body === 'string' &&
      typeof value.etag === 'string' &&
      typeof value.expiresAt === 'number'
    ) {
      const entry: CacheEntry = { status, body: value.body, etag: value.etag, expiresAt: value.expiresAt };
      const date = value.date;
      if (typeof date?.api === 'number' && typeof date.received === 'number') entry.date = date;
      return entry;
    }
  } catch {
    // a corrupt entry is a miss
  }
  return null;
}

/**
 * Parsed entries by their stored text, cleared when full: at most 256 entries and 4 M characters
 * of text with their parsed copies (a video with months of snapshots is large; it counts as such).
 */
const parsed = new Map<string, Readonly<CacheEntry> | null>();
const MAX_PARSED = 256;
const MAX_PARSED_CHARS = 4_000_000;
let parsedChars = 0;

/**
 * {@link parseEntry}, remembering the result by the stored text: a hit read the same JSON (the
 * whole video) again on every request. The entry is frozen: every request reading it shares it.
 * The same text parses to the same entry, so nothing can go stale; a changed entry is new text.
 */
export function parseStoredEntry(raw: string | undefined): Readonly<CacheEntry> | null {
  if (raw === undefined) return null;
  const known = parsed.get(raw);
  if (known !== undefined) return known;
  const entry = parseEntry(raw);
  const frozen = entry === null ? null : Object.freeze(entry);
  if (raw.length > MAX_PARSED_CHARS / 4) return frozen;
  if (parsed.size >= MAX_PARSED || parsedChars + raw.length > MAX_PARSED_CHARS) {
    parsed.clear();
    parsedChars = 0;
  }
  parsed.set(raw, frozen);
  parsedChars += raw.length;
  return frozen;
}

/**
 * Whole seconds an entry stays fresh from `now` (proxy clock), rounded up as the API rounds its own
 * `max-age`: rounded down, a hit with 4.9 s left said `max-age=4`, its viewers came back before the
 * entry expired, got the same snapshot with `max-age=0` and then waited a whole minute (the client's
 * pause for a snapshot that is late); at an accelerated API that lost them snapshots.
 */
export function remainingSeconds(entry: CacheEntry, now: number): number {
  return Math.max(0, Math.ceil((entry.expiresAt - now) / 1000));
}

/**
 * The API's clock now, as an HTTP date: its `Date` plus the time the entry has spent here
 * (an elapsed time on one clock, never one clock read against the other). `null` without one.
 */
export function apiDateNow(entry: CacheEntry, now: number): string | null {
  if (entry.date === undefined) return null;
  return httpDate(entry.date.api + Math.max(0, now - entry.date.received));
}

// an HTTP date names a whole second: the last one made serves every request within that second
let lastSecond = Number.NaN;
let lastDate = '';

function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastDate = new Date(second * 1000).toUTCString();
    lastSecond = second;
  }
  return lastDate;
}
