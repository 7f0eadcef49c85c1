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
  cause?: unknown;
}

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

  constructor(init: ContentStatsErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    this.balance = init.balance;
    this.retryAt = init.retryAt;
    this.rateLimit = init.rateLimit ?? null;
    this.apiMessage = init.apiMessage;
  }

  /** `true` for failures a later retry may fix (network, timeout, 5xx, 429). */
  get retryable(): boolean {
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
