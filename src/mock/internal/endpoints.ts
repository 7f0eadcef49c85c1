import { durationProblem, estimateCost, snapshotCount } from '../../shared/cost.js';
import { parseVideoLink, type ValidVideoLink } from '../../shared/links.js';
import { NOT_FOUND_RULES, PLAN_LIMITS } from '../constants.js';
import { type Account, ledgerOf } from './account.js';
import { FINISHED_MAX_AGE_SECONDS, listCacheControl, maxAge, realSecondsUntil } from './freshness.js';
import { canonicalJson } from './idempotency.js';
import { formatUsd, SNAPSHOT_PRICE_MILLS, toUsd } from './money.js';
import { errorReply, type Reply, reply } from './reply.js';
import { floorToSecond } from './time.js';
import {
  createTracking,
  nextChangeAt,
  snapshotAt,
  snapshotsOf,
  summaryOf,
  takenSnapshots,
  trackingStatus,
} from './tracking.js';
import type { VideoRegistry } from './videos.js';

/** What the endpoints need from the engine. */
export interface EndpointContext {
  seed: string;
  /** The engine's public videos, shared by every key. */
  videos: VideoRegistry;
  account: Account;
  /** Simulated time of this request (ms). */
  now: number;
  /** Simulated ms per real ms, to say in real seconds how long an answer stays current. */
  speed: number;
  url: URL;
  headers: Headers;
  /** Request body, read by the engine (only for `track`). */
  bodyText: string;
  nextVideoId(): string;
}

/** `duration_days` when the body has none (the docs' examples all use 7). */
export const DEFAULT_DURATION_DAYS = 7;
const PLATFORM_PARAM = /^[a-z]{1,20}$/;
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Whether a valid link is one of the deliberate "not found or private" links (see `NOT_FOUND_RULES`). */
export function isNotFoundLink(link: ValidVideoLink): boolean {
  const usernames: readonly string[] = NOT_FOUND_RULES.usernames;
  const codes: readonly string[] = NOT_FOUND_RULES.shortCodes;
  if (link.kind === 'video') return usernames.includes((link.username ?? '').toLowerCase());
  return codes.includes((link.code ?? '').toLowerCase());
}

function parseBody(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; reply: Reply } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reply: errorReply(400, 'Malformed JSON body: send a JSON object with video_link.') };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reply: errorReply(400, 'The request body must be a JSON object with video_link.') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * `POST /videos/track`. Checks, in order: JSON body (400), idempotent replay or
 * mismatch (replay / 422), `video_link` and `duration_days` (400 with `field`),
 * not-found links (404), duplicate running tracking (409), concurrent-video plan
 * limit (403), balance (402). Only a 201 is remembered under an `Idempotency-Key`,
 * so a failed attempt can be retried with the same key.
 */
export function trackVideo(ctx: EndpointContext): Reply {
  const body = parseBody(ctx.bodyText);
  if (!body.ok) return body.reply;

  const idempotencyKey = ctx.headers.get('idempotency-key');
  const fingerprint = canonicalJson(body.value);
  if (idempotencyKey !== null) {
    if (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return errorReply(400, `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, {
        field: 'Idempotency-Key',
      });
    }
    const stored = ctx.account.idempotency.get(idempotencyKey);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return errorReply(
          422,
          'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
        );
      }
      return { ...stored.reply, headers: { ...stored.reply.headers, 'Idempotent-Replayed': 'true' } };
    }
  }

  const { video_link: rawLink, duration_days: rawDuration } = body.value;
  if (rawLink === undefined || rawLink === null) {
    return errorReply(400, 'video_link is required.', { field: 'video_link' });
  }
  if (typeof rawLink !== 'string')
    return errorReply(400, 'video_link must be a string.', { field: 'video_link' });
  const durationDays = rawDuration === undefined ? DEFAULT_DURATION_DAYS : rawDuration;
  const problem = durationProblem(durationDays);
  if (problem !== null) return errorReply(400, problem, { field: 'duration_days' });
  const days = durationDays as number;
  const link = parseVideoLink(rawLink);
  if (!link.ok) return errorReply(400, link.reason, { field: 'video_link' });
  if (isNotFoundLink(link)) return errorReply(404, 'Video not found or private');

  const { account, now } = ctx;
  for (const existing of account.trackings.values()) {
    if (existing.link === link.url && trackingStatus(existing, now) === 'monitoring') {
      return errorReply(409, 'Already tracking this video', { id: existing.id });
    }
  }
  const ledger = ledgerOf(account, now);
  const limit = PLAN_LIMITS[account.plan].concurrentVideos;
  if (limit !== null && ledger.active >= limit) {
    return errorReply(
      403,
      `Plan limit reached: the ${account.plan} plan allows ${limit} videos tracked at once. Stop a tracking or upgrade your plan.`,
      { limit },
    );
  }
  const needed = snapshotCount(days) * SNAPSHOT_PRICE_MILLS;
  if (ledger.available < needed) {
    return errorReply(
      402,
      `Insufficient balance: ${formatUsd(ledger.available, 'down')} available, ${formatUsd(needed, 'up')} needed`,
      { balance: toUsd(ledger.available), balance_usd: toUsd(ledger.balance), required: estimateCost(days) },
    );
  }

  const createdAt = floorToSecond(now);
  const tracking = createTracking({
    id: ctx.nextVideoId(),
    apiKey: account.key,
    link: link.url,
    durationDays: days,
    createdAt,
    seed: ctx.seed,
    video: ctx.videos.video(link.url, createdAt),
  });
  account.trackings.set(tracking.id, tracking);
  const created = reply(201, summaryOf(tracking, now));
  if (idempotencyKey !== null) account.idempotency.put(idempotencyKey, fingerprint, created);
  return created;
}

/**
 * `GET /videos/{id}`: the video with every snapshot taken so far, oldest first. `Cache-Control:
 * max-age` says how long (real seconds) the answer stays current: until the next snapshot or the
 * completion, or {@link FINISHED_MAX_AGE_SECONDS} once the tracking is finished.
 */
export function getVideo(ctx: EndpointContext, id: string): Reply {
  const tracking = ctx.account.trackings.get(id);
  if (!tracking) return errorReply(404, 'Video not found');
  const next = nextChangeAt(tracking, ctx.now);
  const seconds = next === null ? FINISHED_MAX_AGE_SECONDS : realSecondsUntil(next, ctx.now, ctx.speed);
  return reply(
    200,
    { ...summaryOf(tracking, ctx.now), snapshots: snapshotsOf(tracking, ctx.now) },
    { 'Cache-Control': maxAge(seconds) },
  );
}

/**
 * `GET /videos?platform=`: newest first, each with its `latest_snapshot` (or `null`). Unknown params
 * are ignored. `Cache-Control: max-age` runs until the next change of a listed running tracking.
 */
export function listVideos(ctx: EndpointContext): Reply {
  const platform = ctx.url.searchParams.get('platform');
  if (platform !== null && !PLATFORM_PARAM.test(platform)) {
    return errorReply(400, 'platform must be a lowercase platform name such as "tiktok".', {
      field: 'platform',
    });
  }
  const listed = [...ctx.account.trackings.values()].filter(
    (t) => platform === null || t.platform === platform,
  );
  const nextChanges = listed.flatMap((t) => nextChangeAt(t, ctx.now) ?? []);
  const videos = listed
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
    .map((t) => {
      const taken = takenSnapshots(t, ctx.now);
      return { ...summaryOf(t, ctx.now), latest_snapshot: taken > 0 ? snapshotAt(t, taken - 1) : null };
    });
  return reply(200, { videos }, { 'Cache-Control': listCacheControl(nextChanges, ctx.now, ctx.speed) });
}

/** `POST /videos/{id}/stop`: stops a running tracking now; stopping a finished one changes nothing (200). */
export function stopVideo(ctx: EndpointContext, id: string): Reply {
  const tracking = ctx.account.trackings.get(id);
  if (!tracking) return errorReply(404, 'Video not found');
  if (trackingStatus(tracking, ctx.now) === 'monitoring') {
    tracking.stoppedAt = Math.max(tracking.createdAt, floorToSecond(ctx.now));
  }
  return reply(200, summaryOf(tracking, ctx.now));
}

/** `GET /usage`. `concurrent_videos_limit` is `null` when unlimited. */
export function getUsage(ctx: EndpointContext): Reply {
  const { account } = ctx;
  const ledger = ledgerOf(account, ctx.now);
  const plan = PLAN_LIMITS[account.plan];
  return reply(200, {
    balance_usd: toUsd(ledger.balance),
    available_usd: toUsd(ledger.available),
    plan: account.plan,
    rate_limit_per_minute: plan.requestsPerMinute,
    concurrent_videos_limit: plan.concurrentVideos,
    active_videos: ledger.active,
    total_spent_usd: toUsd(ledger.spent),
  });
}
