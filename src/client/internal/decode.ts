import { isCountString } from '../../metrics/counts.js';
import type { Snapshot, TrackedVideo, Usage, Video, VideoList, VideoSummary } from '../types.js';

/** Thrown by decoders; the transport turns it into an `invalid_response` error. */
export class DecodeError extends Error {
  constructor(path: string, problem: string) {
    super(`${path} ${problem}`);
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new DecodeError(path, 'is not an object');
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new DecodeError(path, 'is not a non-empty string');
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DecodeError(path, 'is not a string');
  return value;
}

/** Numbers may arrive as JSON numbers or numeric strings ("12.50"). */
function number(value: unknown, path: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new DecodeError(path, 'is not a number');
  return n;
}

function optionalNumber(value: unknown, path: string): number | undefined {
  return value === undefined || value === null ? undefined : number(value, path);
}

function time(value: unknown, path: string): string {
  const s = string(value, path);
  if (Number.isNaN(Date.parse(s))) throw new DecodeError(path, 'is not an ISO 8601 time');
  return s;
}

function optionalTime(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : time(value, path);
}

/** Counts are BigInt-as-string; safe non-negative integers are accepted and turned into strings. */
function count(value: unknown, path: string): string {
  if (isCountString(value)) return value.replace(/^0+(?=\d)/, '');
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  throw new DecodeError(path, 'is not a count');
}

function optionalCount(value: unknown, path: string): string | null {
  return value === undefined || value === null ? null : count(value, path);
}

export function decodeSnapshot(value: unknown, path = 'snapshot'): Snapshot {
  const o = object(value, path);
  const snapshot_time = time(o.snapshot_time, `${path}.snapshot_time`);
  const id = optionalString(o.id, `${path}.id`) ?? snapshot_time;
  return {
    id,
    snapshot_id: optionalString(o.snapshot_id, `${path}.snapshot_id`) ?? id,
    snapshot_time,
    views: count(o.views, `${path}.views`),
    likes: count(o.likes, `${path}.likes`),
    comments: count(o.comments, `${path}.comments`),
    shares: optionalCount(o.shares, `${path}.shares`),
    saves: optionalCount(o.saves, `${path}.saves`),
    provider: optionalString(o.provider, `${path}.provider`) ?? 'unknown',
  };
}

/** Ascending by time, one entry per snapshot id: charts and deltas rely on both. */
function decodeSnapshots(value: unknown, path: string): Snapshot[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new DecodeError(path, 'is not an array');
  const byId = new Map<string, Snapshot>();
  value.forEach((item, i) => {
    const snapshot = decodeSnapshot(item, `${path}[${i}]`);
    byId.set(snapshot.id, snapshot);
  });
  return [...byId.values()].sort((a, b) => Date.parse(a.snapshot_time) - Date.parse(b.snapshot_time));
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
