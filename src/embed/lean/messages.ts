import type { HttpFacts } from '../../client/internal/messages.js';

/**
 * The client's developer-facing error messages (src/client/internal/messages.ts) as the script-tag
 * embed ships them: its elements never show these (they show `labels` per error code, and their
 * `contentstats:error` events carry that displayed text), so each is the error's code and status,
 * enough for whoever inspects an error object in the page's tools, at a fraction of the bytes.
 * vite.embed.config.ts swaps the module in; test/client/lean-messages.test.ts keeps both in step.
 */

/** The message of a non-2xx answer other than `invalid_request`. */
export function httpMessage({ code, status }: HttpFacts): string {
  return `${code} (${status})`;
}

/** Message of an insufficient balance. */
export function insufficientBalanceMessage(_balance: number | undefined, _needed?: number): string {
  return 'insufficient_balance';
}

/** A request cancelled by its caller. */
export function abortedMessage(): string {
  return 'aborted';
}

/** No answer within `ms`. */
export function timeoutMessage(ms: number): string {
  return `timeout (${ms} ms)`;
}

/** The API could not be reached. */
export function networkMessage(): string {
  return 'network';
}

/** A 2xx whose body is not JSON. */
export function notJsonMessage(): string {
  return 'invalid_response: not JSON';
}

/** A 2xx whose JSON does not have the documented shape; `problem` says where. */
export function unreadableMessage(problem: string): string {
  return `invalid_response: ${problem}`;
}
