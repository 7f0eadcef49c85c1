import { ContentStatsError, type ContentStatsErrorCode } from '../errors.js';
import { parseRetryAt } from '../rateLimit.js';
import { insufficientBalanceMessage } from '../trackInput.js';
import type { RateLimit } from '../types.js';

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

function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
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
  let message: string;
  switch (code) {
    case 'unauthorized':
      message = `The API key or access token was refused (401)${said ? `: ${said}` : ''}. Check the key on your server, or sign in again.`;
      break;
    case 'insufficient_balance': {
      const raw = fields.balance ?? fields.balance_usd;
      const n = typeof raw === 'string' ? Number(raw) : raw;
      balance = typeof n === 'number' && Number.isFinite(n) ? n : undefined;
      message = insufficientBalanceMessage(balance);
      break;
    }
    case 'forbidden':
      message = `Not allowed (403)${said ? `: ${said}.` : '.'}`;
      break;
    case 'not_found':
      message = `Not found (404)${said ? `: ${said}` : ''}. Check that the video is public and the id or link is right.`;
      break;
    case 'conflict': {
      const id = fields.existing_id ?? fields.id;
      existingId = typeof id === 'string' && id !== '' ? id : undefined;
      message = `Conflict (409)${said ? `: ${said}.` : '.'}`;
      break;
    }
    case 'rate_limited':
      retryAt = parseRetryAt(response.headers, rateLimit, now);
      message =
        retryAt === undefined
          ? 'Rate limit reached (429). Wait a minute before trying again.'
          : `Rate limit reached (429). Try again in ${seconds(retryAt - now)}.`;
      break;
    case 'server':
      // a 503 with Retry-After says when to come back; without it, backoff decides
      if (response.headers.has('retry-after')) retryAt = parseRetryAt(response.headers, null, now);
      message =
        apiCode === 'upstream_unauthorized'
          ? `The proxy's own API key was refused (${status})${said ? `: ${said}` : ''}. Its operator must fix the server's key; trying again will not help.`
          : `The ContentStats API failed (${status})${said ? `: ${said}` : ''}. Try again in a moment.`;
      break;
    default:
      message = `The request was refused (${status})${said ? `: ${said}.` : '.'}`;
  }
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
