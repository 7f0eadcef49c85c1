import type { ContentStatsErrorCode } from '../../client/errors.js';

/**
 * The fields of an error the components read. `ContentStatsError` has them; newer fields
 * (`outcome`, `existingId`, `retryable`) are read defensively so any error object works.
 */
export interface ErrorInfo {
  code: ContentStatsErrorCode;
  message: string;
  balance: number | undefined;
  retryAt: number | undefined;
  apiMessage: string | undefined;
  /** `unknown` when the request may have been applied (the answer was lost). */
  outcome: string | undefined;
  /** Id of the tracking that already exists, on a 409 from track. */
  existingId: string | undefined;
  /** `false` when the error says no retry can fix it (e.g. a proxy with a refused server key). */
  retryable: boolean | undefined;
}

const CODES = new Set<string>([
  'unauthorized',
  'forbidden',
  'insufficient_balance',
  'not_found',
  'conflict',
  'rate_limited',
  'invalid_request',
  'server',
  'network',
  'timeout',
  'aborted',
  'invalid_response',
]);

function field<T>(error: object, name: string, type: 'string' | 'number' | 'boolean'): T | undefined {
  const value = (error as Record<string, unknown>)[name];
  return typeof value === type ? (value as T) : undefined;
}

/** Reads what the UI needs from any thrown value; unknown errors count as `server` problems. */
export function errorInfo(error: unknown): ErrorInfo {
  const object = typeof error === 'object' && error !== null ? error : {};
  const code = field<string>(object, 'code', 'string');
  return {
    code: code !== undefined && CODES.has(code) ? (code as ContentStatsErrorCode) : 'server',
    message: field<string>(object, 'message', 'string') ?? String(error),
    balance: field<number>(object, 'balance', 'number'),
    retryAt: field<number>(object, 'retryAt', 'number'),
    apiMessage: field<string>(object, 'apiMessage', 'string'),
    outcome: field<string>(object, 'outcome', 'string'),
    existingId: field<string>(object, 'existingId', 'string'),
    retryable: field<boolean>(object, 'retryable', 'boolean'),
  };
}
