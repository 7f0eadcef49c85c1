import type { RateLimit } from './types.js';

/** What went wrong, as a stable string to switch on. */
export type ContentStatsErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'insufficient_balance'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'invalid_request'
  | 'server'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid_response';

/**
 * Whether a failed request may have been applied by the API: `'unknown'` when it may have
 * reached it (lost answer, timeout after sending, 5xx, an unreadable 2xx), `'not_applied'` when
 * it certainly was not (refused before sending, or a definite 4xx answer).
 */
export type ContentStatsErrorOutcome = 'unknown' | 'not_applied';

/** Fields of a {@link ContentStatsError}. */
export interface ContentStatsErrorInit {
  code: ContentStatsErrorCode;
  message: string;
  /** HTTP status, or 0 when no response arrived. */
  status?: number;
  /** Balance in USD, on `insufficient_balance` (402). */
  balance?: number | undefined;
  /** When a retry may succeed (ms since epoch), on `rate_limited` (429). */
  retryAt?: number | undefined;
  rateLimit?: RateLimit | null;
  /** The API's own error message, when it sent one. */
  apiMessage?: string | undefined;
  /** The API's or proxy's own error code (e.g. `missing_scope`), when it sent one. */
  apiCode?: string | undefined;
  /** Whether the request may have been applied. @defaultValue 'not_applied' */
  outcome?: ContentStatsErrorOutcome | undefined;
  /** The `Idempotency-Key` a track call used; resubmit with it to repeat the same logical call. */
  idempotencyKey?: string | undefined;
  /** On a 409 from track: the id of the tracking that already exists. */
  existingId?: string | undefined;
  cause?: unknown;
}

// proxy codes that no retry can fix: the server's own configuration is wrong
const FINAL_API_CODES = new Set(['upstream_unauthorized']);

/** The one error type every client call rejects with. */
export class ContentStatsError extends Error {
  override readonly name = 'ContentStatsError';
  /** What went wrong; see {@link ContentStatsErrorCode}. */
  readonly code: ContentStatsErrorCode;
  /** HTTP status, or 0 when no response arrived (network, timeout, aborted). */
  readonly status: number;
  /** Balance in USD reported with a 402. */
  readonly balance: number | undefined;
  /** When the rate limit resets (ms since epoch), with a 429. */
  readonly retryAt: number | undefined;
  /** Rate-limit state of the failed response, when it had the headers. */
  readonly rateLimit: RateLimit | null;
  /** The API's own `error` message, when it sent one. */
  readonly apiMessage: string | undefined;
  /** The API's or proxy's own error code (e.g. `missing_scope`, `origin_mismatch`), when it sent one. */
  readonly apiCode: string | undefined;
  /**
   * `'unknown'` when the request may have been applied (a track may have been created and
   * charged: resubmit with {@link ContentStatsError.idempotencyKey}), `'not_applied'` when it
   * certainly was not.
   */
  readonly outcome: ContentStatsErrorOutcome;
  /** The `Idempotency-Key` a track call used, so "Try again" repeats the same logical call. */
  readonly idempotencyKey: string | undefined;
  /** On a 409 from track: the id of the tracking that already exists, so a UI can offer to show it. */
  readonly existingId: string | undefined;

  constructor(init: ContentStatsErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    this.balance = init.balance;
    this.retryAt = init.retryAt;
    this.rateLimit = init.rateLimit ?? null;
    this.apiMessage = init.apiMessage;
    this.apiCode = init.apiCode;
    this.outcome = init.outcome ?? 'not_applied';
    this.idempotencyKey = init.idempotencyKey;
    this.existingId = init.existingId;
  }

  /** This error with other fields replaced (the message, stack and cause stay). */
  with(fields: Partial<Omit<ContentStatsErrorInit, 'message' | 'cause'>>): ContentStatsError {
    // every field of this one (its own, enumerable ones), then the message and cause, which Error
    // keeps unenumerable
    const copy = new ContentStatsError({ ...this, message: this.message, cause: this.cause, ...fields });
    if (this.stack !== undefined) copy.stack = this.stack;
    return copy;
  }

  /** `true` for failures a later retry may fix (network, timeout, 5xx, 429), except a proxy whose own API key is refused. */
  get retryable(): boolean {
    if (this.apiCode !== undefined && FINAL_API_CODES.has(this.apiCode)) return false;
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      this.code === 'server' ||
      this.code === 'rate_limited'
    );
  }
}

/** `true` when `error` is a {@link ContentStatsError}, also across bundle copies. */
export function isContentStatsError(error: unknown): error is ContentStatsError {
  return (
    error instanceof ContentStatsError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'ContentStatsError')
  );
}
