import type { Video } from './types.js';

const HOUR = 3_600_000;

/**
 * How long a video response stays current, on the viewer's own clock. Snapshots are hourly and
 * never change, so a response is fresh until the next snapshot can exist; the server says when
 * (`Cache-Control: max-age`), and this turns it into a deadline relative to the response's arrival.
 */
export interface Freshness {
  /** When the response arrived (ms, this machine's clock). */
  receivedAt: number;
  /** When a new snapshot can exist (ms, this machine's clock); `null` once the tracking is finished, or when it cannot be known. */
  expiresAt: number | null;
  /**
   * Where the deadline came from: the server's `max-age`; the last `snapshot_time` + 1 h corrected
   * by the `Date` header's skew; or `'finished'` for a tracking that can get no more snapshots.
   */
  source: 'max-age' | 'snapshot-time' | 'finished';
}

/** `true` once a tracking can get no more snapshots. */
export function isFinishedStatus(status: string): boolean {
  return status === 'completed' || status === 'stopped';
}

/**
 * When the next snapshot can exist, on the API's clock: the last `snapshot_time` + 1 h (or
 * `created_at` before the first). `null` when the tracking is finished or the time is unknown.
 */
export function nextSnapshotTime(
  video: Pick<Video, 'status' | 'snapshots' | 'created_at' | 'ends_at'>,
): number | null {
  if (isFinishedStatus(video.status)) return null;
  const last = video.snapshots[video.snapshots.length - 1];
  let next: number;
  if (last) next = Date.parse(last.snapshot_time) + HOUR;
  else if (video.created_at) next = Date.parse(video.created_at);
  else return null;
  if (Number.isNaN(next)) return null;
  if (video.ends_at && next >= Date.parse(video.ends_at)) return null;
  return next;
}

function maxAgeSeconds(headers: Headers): number | null {
  const cacheControl = headers.get('cache-control');
  if (!cacheControl) return null;
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.includes('no-store') || directives.includes('no-cache')) return null;
  const maxAge = directives.find((d) => d.startsWith('max-age='));
  const seconds = maxAge ? Number(maxAge.slice('max-age='.length)) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  const age = Number(headers.get('age') ?? 0);
  return Math.max(0, seconds - (Number.isFinite(age) && age > 0 ? age : 0));
}

/**
 * Freshness of a video response. The server's `max-age` wins; without it, the next snapshot time
 * (API clock) is moved onto this machine's clock by the `Date` header's skew, so a viewer whose
 * clock is off, or an API on an accelerated clock, is never compared with `Date.now()` directly.
 */
export function readFreshness(
  headers: Headers,
  receivedAt: number,
  video: Pick<Video, 'status' | 'snapshots' | 'created_at' | 'ends_at'>,
): Freshness {
  if (isFinishedStatus(video.status)) return { receivedAt, expiresAt: null, source: 'finished' };
  const maxAge = maxAgeSeconds(headers);
  if (maxAge !== null) return { receivedAt, expiresAt: receivedAt + maxAge * 1000, source: 'max-age' };
  const next = nextSnapshotTime(video);
  const serverDate = Date.parse(headers.get('date') ?? '');
  // server time minus ours when the answer arrived (0 when the server sent no usable Date)
  const skew = Number.isNaN(serverDate) ? 0 : serverDate - receivedAt;
  return {
    receivedAt,
    expiresAt: next === null ? null : Math.max(receivedAt, next - skew),
    source: 'snapshot-time',
  };
}
