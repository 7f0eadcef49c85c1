import { ContentStatsError, type ContentStatsErrorCode } from '../errors.js';
import { parseRetryAt } from '../rateLimit.js';
import type { RateLimit } from '../types.js';
import { httpMessage } from './messages.js';

function codeFor(status: number): ContentStatsErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 402) return 'insufficient_balance';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'invalid_request';
}

/** Turns a non-2xx response (body already read) into a typed error with a message a person can act on. */
export function httpError(
  response: Response,
  body: unknown,
  rateLimit: RateLimit | null,
  now: number,
): ContentStatsError {
  const status = response.status;
  const code = codeFor(status);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const apiMessage =
    typeof fields.error === 'string'
      ? fields.error
      : typeof fields.message === 'string'
        ? fields.message
        : undefined;
  // the API's words go inside our sentence, so their own full stop would double ours
  const said = apiMessage?.trim().replace(/\.+$/, '');
  const apiCode = typeof fields.code === 'string' && fields.code !== '' ? fields.code : undefined;
  let existingId: string | undefined;
  let balance: number | undefined;
  let retryAt: number | undefined;
  if (code === 'insufficient_balance') {
    const raw = fields.balance ?? fields.balance_usd;
    const n = typeof raw === 'string' ? Number(raw) : raw;
    balance = typeof n === 'number' && Number.isFinite(n) ? n : undefined;
  } else if (code === 'conflict') {
    const id = fields.existing_id ?? fields.id;
    existingId = typeof id === 'string' && id !== '' ? id : undefined;
  } else if (code === 'rate_limited') {
    retryAt = parseRetryAt(response.headers, rateLimit, now);
  } else if (code === 'server' && response.headers.has('retry-after')) {
    // a 503 with Retry-After says when to come back; without it, backoff decides
    retryAt = parseRetryAt(response.headers, null, now);
  }
  // the reason of a refused request is shown to the user; the other messages only to developers
  const message =
    code === 'invalid_request'
      ? `The request was refused (${status})${said ? `: ${said}.` : '.'}`
      : httpMessage({
          code,
          status,
          said,
          apiCode,
          balance,
          retryInMs: code === 'rate_limited' && retryAt !== undefined ? retryAt - now : undefined,
        });
  // a 5xx may come after the API acted (a proxy timing out on it, a crash after the write); a 4xx is a
  // definite refusal, and so is a proxy saying the API refused its key
  const outcome = status >= 500 && apiCode !== 'upstream_unauthorized' ? 'unknown' : 'not_applied';
  return new ContentStatsError({
    code,
    status,
    message,
    balance,
    retryAt,
    rateLimit,
    apiMessage,
    apiCode,
    outcome,
    existingId,
  });
}
