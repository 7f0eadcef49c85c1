import type { CacheOptions } from '../cache.js';
import type { UpstreamAnswer } from './upstream.js';

function latestTime(video: Record<string, unknown>): number | undefined {
  let latest: number | undefined;
  const consider = (snapshot: unknown) => {
    if (typeof snapshot !== 'object' || snapshot === null) return;
    const raw = (snapshot as { snapshot_time?: unknown }).snapshot_time;
    const t = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
    if (!Number.isNaN(t) && (latest === undefined || t > latest)) latest = t;
  };
  if (Array.isArray(video.snapshots)) for (const s of video.snapshots) consider(s);
  consider(video.latest_snapshot);
  if (latest === undefined && typeof video.created_at === 'string') {
    const created = Date.parse(video.created_at);
    if (!Number.isNaN(created)) latest = created;
  }
  return latest;
}

/**
 * How long a video stays fresh, in whole seconds, computed from its body: until the next snapshot
 * can exist (last `snapshot_time` + the interval + grace) measured from `apiNow`, the API's own
 * clock (its `Date`), within [`minTtlSeconds`, `maxTtlSeconds`]; `finalTtlSeconds` once the video
 * is `completed` or `stopped`. Without `apiNow` (no `Date`), `minTtlSeconds`: the proxy never
 * reads its own clock against the API's timestamps.
 */
export function videoTtlSeconds(video: unknown, apiNow: number | null, options: CacheOptions = {}): number {
  const interval = options.snapshotIntervalSeconds ?? 3600;
  const grace = options.graceSeconds ?? 5;
  const min = options.minTtlSeconds ?? 5;
  const max = Math.max(min, options.maxTtlSeconds ?? interval + grace);
  if (typeof video !== 'object' || video === null) return min;
  const fields = video as Record<string, unknown>;
  if (fields.status === 'completed' || fields.status === 'stopped') return options.finalTtlSeconds ?? 86_400;
  const latest = latestTime(fields);
  if (latest === undefined || apiNow === null) return min;
  const untilNext = Math.ceil((latest + (interval + grace) * 1000 - apiNow) / 1000);
  return Math.min(max, Math.max(min, untilNext));
}

/** `max-age` of a `Cache-Control` header less the `Age` already spent, in whole seconds; `null` when none. */
export function maxAgeSeconds(cacheControl: string | null, age: string | null): number | null {
  if (cacheControl === null) return null;
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)/i.exec(cacheControl);
  if (!match) return null;
  const spent = Number(age ?? '0');
  return Math.max(0, Number(match[1]) - (Number.isFinite(spent) && spent > 0 ? Math.floor(spent) : 0));
}

/** The API's `Date` in ms since epoch, or `null` when absent or unreadable. */
export function apiDate(answer: UpstreamAnswer): number | null {
  const raw = answer.headers.date;
  const ms = raw === undefined ? Number.NaN : Date.parse(raw);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * How long a video answer stays fresh, in whole seconds: the API's own `max-age` when it sent
 * one (then only an explicit `maxTtlSeconds` caps it; the API knows its clock, the local one
 * runs fast), else {@link videoTtlSeconds} from the body and the API's `Date`.
 */
export function videoFreshness(answer: UpstreamAnswer, options: CacheOptions): number {
  const given = maxAgeSeconds(answer.cacheControl, answer.age);
  if (given !== null)
    return options.maxTtlSeconds === undefined ? given : Math.min(given, options.maxTtlSeconds);
  return videoTtlSeconds(answer.json, apiDate(answer), options);
}
