import { isCountString } from '../../metrics/counts.js';
import type { Snapshot, TrackedVideo, Usage, Video, VideoList, VideoSummary } from '../types.js';

/** Thrown by decoders; the transport turns it into an `invalid_response` error. */
export class DecodeError extends Error {
  constructor(path: string, problem: string) {
    super(`${path} ${problem}`);
  }
}

/**
 * Where a value sits: a path, or an item of an array (`snapshots[12]`), put into words only
 * when an error names it. A body of 100,000 snapshots would otherwise build a million path
 * strings that no one reads.
 */
type Where = string | { readonly array: string; index: number };

function pathOf(where: Where, key?: string): string {
  const base = typeof where === 'string' ? where : `${where.array}[${where.index}]`;
  return key === undefined ? base : `${base}.${key}`;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new DecodeError(path, 'is not an object');
  return value;
}

function string(value: unknown, path: Where, key?: string): string {
  if (typeof value !== 'string' || value === '')
    throw new DecodeError(pathOf(path, key), 'is not a non-empty string');
  return value;
}

function optionalString(value: unknown, path: Where, key?: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DecodeError(pathOf(path, key), 'is not a string');
  return value;
}

/** Numbers may arrive as JSON numbers or numeric strings ("12.50"). */
function number(value: unknown, path: Where, key?: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new DecodeError(pathOf(path, key), 'is not a number');
  return n;
}

function optionalNumber(value: unknown, path: Where, key?: string): number | undefined {
  return value === undefined || value === null ? undefined : number(value, path, key);
}

/** What the latest `time()` read, in ms: decodeSnapshots sorts by it without parsing each time again. */
let lastTime = Number.NaN;

function time(value: unknown, path: Where, key?: string): string {
  const s = string(value, path, key);
  lastTime = Date.parse(s);
  if (Number.isNaN(lastTime)) throw new DecodeError(pathOf(path, key), 'is not an ISO 8601 time');
  return s;
}

function optionalTime(value: unknown, path: Where, key?: string): string | undefined {
  return value === undefined || value === null ? undefined : time(value, path, key);
}

/** Counts are BigInt-as-string; safe non-negative integers are accepted and turned into strings. */
function count(value: unknown, path: Where, key?: string): string {
  if (isCountString(value)) {
    // most counts have no leading zero to strip
    return value.length > 1 && value.charCodeAt(0) === 48 ? value.replace(/^0+(?=\d)/, '') : value;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  throw new DecodeError(pathOf(path, key), 'is not a count');
}

function optionalCount(value: unknown, path: Where, key?: string): string | null {
  return value === undefined || value === null ? null : count(value, path, key);
}

export function decodeSnapshot(value: unknown, path = 'snapshot'): Snapshot {
  return snapshotAt(value, path);
}

function snapshotAt(value: unknown, where: Where): Snapshot {
  if (!isObject(value)) throw new DecodeError(pathOf(where), 'is not an object');
  const o = value;
  const snapshot_time = time(o.snapshot_time, where, 'snapshot_time');
  const id = optionalString(o.id, where, 'id') ?? snapshot_time;
  return {
    id,
    snapshot_id: optionalString(o.snapshot_id, where, 'snapshot_id') ?? id,
    snapshot_time,
    views: count(o.views, where, 'views'),
    likes: count(o.likes, where, 'likes'),
    comments: count(o.comments, where, 'comments'),
    shares: optionalCount(o.shares, where, 'shares'),
    saves: optionalCount(o.saves, where, 'saves'),
    provider: optionalString(o.provider, where, 'provider') ?? 'unknown',
  };
}

/** Ascending by time, one entry per snapshot id: charts and deltas rely on both. */
function decodeSnapshots(value: unknown, path: string): Snapshot[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new DecodeError(path, 'is not an array');
  const decoded: Snapshot[] = new Array(value.length);
  const times = new Float64Array(value.length);
  // index of each id's last snapshot, in the order ids first appear
  const byId = new Map<string, number>();
  let sorted = true;
  // one place for every item: an error reads it at once, before the index moves on
  const where = { array: path, index: 0 };
  for (let i = 0; i < value.length; i++) {
    where.index = i;
    const snapshot = snapshotAt(value[i], where);
    decoded[i] = snapshot;
    // snapshotAt reads snapshot_time first of its fields, and nothing after it reads a time
    times[i] = lastTime;
    if (i > 0 && !((times[i] as number) >= (times[i - 1] as number))) sorted = false;
    byId.set(snapshot.id, i);
  }
  // the API sends each snapshot once, oldest first: then there is nothing to merge or sort
  if (sorted && byId.size === decoded.length) return decoded;
  // a repeated id keeps its first place and its last value; then a stable sort by time
  return [...byId.values()]
    .sort((a, b) => (times[a] as number) - (times[b] as number))
    .map((i) => decoded[i] as Snapshot);
}

export function decodeVideoSummary(value: unknown, path = 'video'): VideoSummary {
  const o = object(value, path);
  const summary: VideoSummary = {
    ...o,
    id: string(o.id, `${path}.id`),
    // absent fields get neutral defaults: the docs' own GET example carries only id and snapshots
    video_link: optionalString(o.video_link, `${path}.video_link`) ?? '',
    platform: optionalString(o.platform, `${path}.platform`) ?? 'tiktok',
    status: optionalString(o.status, `${path}.status`) ?? 'unknown',
  };
  const numbers = ['duration_days', 'estimated_cost', 'cost_to_date'] as const;
  for (const key of numbers) {
    const n = optionalNumber(o[key], `${path}.${key}`);
    if (n === undefined) delete summary[key];
    else summary[key] = n;
  }
  for (const key of ['created_at', 'ends_at'] as const) {
    const t = optionalTime(o[key], `${path}.${key}`);
    if (t === undefined) delete summary[key];
    else summary[key] = t;
  }
  if ('stopped_at' in o) summary.stopped_at = optionalTime(o.stopped_at, `${path}.stopped_at`) ?? null;
  if (o.snapshots !== undefined) summary.snapshots = decodeSnapshots(o.snapshots, `${path}.snapshots`);
  if ('latest_snapshot' in o) {
    summary.latest_snapshot =
      o.latest_snapshot === null ? null : decodeSnapshot(o.latest_snapshot, `${path}.latest_snapshot`);
  }
  return summary;
}

export function decodeVideo(value: unknown, path = 'video'): Video {
  const summary = decodeVideoSummary(value, path);
  return { ...summary, snapshots: summary.snapshots ?? [] };
}

export function decodeVideoList(value: unknown): VideoList {
  let items: unknown = value;
  if (isObject(value)) items = value.videos ?? value.data;
  if (!Array.isArray(items)) throw new DecodeError('body', 'is neither an array nor { videos: [...] }');
  return { videos: items.map((item, i) => decodeVideoSummary(item, `videos[${i}]`)) };
}

export function decodeTrackedVideo(
  value: unknown,
  fallback: { video_link: string; platform: string; estimated_cost: number },
): TrackedVideo {
  const o = object(value, 'body');
  return {
    ...o,
    id: string(o.id, 'body.id'),
    video_link: optionalString(o.video_link, 'body.video_link') ?? fallback.video_link,
    platform: optionalString(o.platform, 'body.platform') ?? fallback.platform,
    status: optionalString(o.status, 'body.status') ?? 'monitoring',
    estimated_cost: optionalNumber(o.estimated_cost, 'body.estimated_cost') ?? fallback.estimated_cost,
  };
}

export function decodeUsage(value: unknown): Usage {
  const o = object(value, 'body');
  const usage: Usage = { ...o, balance_usd: number(o.balance_usd, 'body.balance_usd') };
  for (const key of ['available_usd', 'active_videos', 'total_spent_usd'] as const) {
    const n = optionalNumber(o[key], `body.${key}`);
    if (n === undefined) delete usage[key];
    else usage[key] = n;
  }
  // null means unlimited, so it is kept apart from absent
  for (const key of ['rate_limit_per_minute', 'concurrent_videos_limit'] as const) {
    if (o[key] === null) usage[key] = null;
    else if (o[key] === undefined) delete usage[key];
    else usage[key] = number(o[key], `body.${key}`);
  }
  const plan = optionalString(o.plan, 'body.plan');
  if (plan === undefined) delete usage.plan;
  else usage.plan = plan;
  return usage;
}
