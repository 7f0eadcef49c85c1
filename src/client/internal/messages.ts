import type { ContentStatsErrorCode } from '../errors.js';

/**
 * The client's English sentences for errors that only a developer reads as `error.message`: the
 * components show their own `labels` for these codes. (Messages that do reach the screen stay
 * where they are made: an `invalid_request`'s reason, a refused link, the token endpoint's
 * failures.) They live in one module so the script-tag embed, whose elements never show them,
 * can swap it for src/embed/lean/messages.ts (short texts, −0.4 KB gzip on dist/embed.js).
 */

/** What a non-2xx answer said, for {@link httpMessage}. */
export interface HttpFacts {
  code: Exclude<ContentStatsErrorCode, 'invalid_request'>;
  status: number;
  /** The API's own words, without a final full stop. */
  said: string | undefined;
  apiCode: string | undefined;
  balance: number | undefined;
  /** Milliseconds until a 429's reset, when the answer said. */
  retryInMs: number | undefined;
}

function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

/** The message of a non-2xx answer other than `invalid_request`. */
export function httpMessage({ code, status, said, apiCode, balance, retryInMs }: HttpFacts): string {
  const tail = said ? `: ${said}` : '';
  switch (code) {
    case 'unauthorized':
      return `The API key or access token was refused (401)${tail}. Check the key on your server, or sign in again.`;
    case 'insufficient_balance':
      return insufficientBalanceMessage(balance);
    case 'forbidden':
      return `Not allowed (403)${tail}.`;
    case 'not_found':
      return `Not found (404)${tail}. Check that the video is public and the id or link is right.`;
    case 'conflict':
      return `Conflict (409)${tail}.`;
    case 'rate_limited':
      return retryInMs === undefined
        ? 'Rate limit reached (429). Wait a minute before trying again.'
        : `Rate limit reached (429). Try again in ${seconds(retryInMs)}.`;
    default:
      return apiCode === 'upstream_unauthorized'
        ? `The proxy's own API key was refused (${status})${tail}. Its operator must fix the server's key; trying again will not help.`
        : `The ContentStats API failed (${status})${tail}. Try again in a moment.`;
  }
}

/** Message of an insufficient balance, shared by the API's 402 and the early local refusal. */
export function insufficientBalanceMessage(balance: number | undefined, needed?: number): string {
  const left =
    balance === undefined
      ? ''
      : `: $${balance.toFixed(2)} left${needed === undefined ? '' : `, $${needed.toFixed(2)} needed`}`;
  return `Insufficient balance${left}. Top up your ContentStats balance, or track for fewer days.`;
}

/** A request cancelled by its caller. */
export function abortedMessage(): string {
  return 'The request was cancelled.';
}

/** No answer within `ms`. */
export function timeoutMessage(ms: number): string {
  return `The ContentStats API did not answer within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`}. Try again.`;
}

/** The API could not be reached. */
export function networkMessage(): string {
  return 'Could not reach the ContentStats API. Check your connection and try again.';
}

/** A 2xx whose body is not JSON. */
export function notJsonMessage(): string {
  return 'The ContentStats API answered with something that is not JSON.';
}

/** A 2xx whose JSON does not have the documented shape; `problem` says where. */
export function unreadableMessage(problem: string): string {
  return `The ContentStats API sent a response this client does not understand: ${problem}.`;
}
