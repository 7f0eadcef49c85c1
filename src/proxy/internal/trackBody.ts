import { durationProblem, parseVideoLink } from '../../shared/index.js';
import type { Refusal } from './respond.js';

/** `duration_days` when a track body has none: 7, like the local API and the docs' examples. */
export const DEFAULT_DURATION_DAYS = 7;

/** The body the proxy sends upstream for a track: only the two documented fields. */
export interface TrackBody {
  video_link: string;
  duration_days: number;
}

function bad(code: string, message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { status: 400, code, message } };
}

/** `true` for `application/json`, with or without parameters. */
export function isJsonContentType(header: string | null): boolean {
  return header !== null && /^application\/json\s*(;|$)/i.test(header.trim());
}

/**
 * Checks a track body before any credit is spent: UTF-8 JSON object, `video_link` accepted by
 * `parseVideoLink` (and normalised), `duration_days` a whole number of days in range, or absent
 * (then {@link DEFAULT_DURATION_DAYS}, filled in so the proxy, the local API and the real API
 * agree on the cost). Unknown fields are dropped.
 */
export function parseTrackBody(
  bytes: Uint8Array,
): { ok: true; body: TrackBody } | { ok: false; refusal: Refusal } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return bad('bad_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return bad('bad_body', 'The request body must be a JSON object with video_link and duration_days.');
  }
  const fields = value as Record<string, unknown>;
  if (typeof fields.video_link !== 'string')
    return bad('bad_link', 'video_link is required and must be a string.');
  const link = parseVideoLink(fields.video_link);
  if (!link.ok) return bad('bad_link', link.reason);
  // only an absent field defaults; null or "7" are mistakes worth a 400
  const duration = fields.duration_days === undefined ? DEFAULT_DURATION_DAYS : fields.duration_days;
  const problem = durationProblem(duration);
  if (problem !== null) return bad('bad_duration', problem);
  return { ok: true, body: { video_link: link.url, duration_days: duration as number } };
}
