import { durationProblem, estimateCost } from './cost.js';
import { ContentStatsError } from './errors.js';
import { parseVideoLink } from './links.js';
import type { TrackVideoInput } from './types.js';

/** A track request checked locally: what to send, and its estimated cost. */
export interface CheckedTrackInput {
  /** The body to send, with the link normalised. */
  body: TrackVideoInput;
  platform: string;
  /** Estimated cost in USD. */
  estimatedCost: number;
}

/**
 * Checks a track request before anything is sent or spent: the link (see `parseVideoLink`) and the
 * duration. Returns the normalised body and cost, or an `invalid_request` error saying why.
 */
export function checkTrackInput(input: TrackVideoInput): CheckedTrackInput | ContentStatsError {
  const link = parseVideoLink(input?.video_link);
  if (!link.ok) return new ContentStatsError({ code: 'invalid_request', message: link.reason });
  const problem = durationProblem(input.duration_days);
  if (problem) return new ContentStatsError({ code: 'invalid_request', message: problem });
  return {
    body: { video_link: link.url, duration_days: input.duration_days },
    platform: link.platform,
    estimatedCost: estimateCost(input.duration_days),
  };
}

export { insufficientBalanceMessage } from './internal/messages.js';
