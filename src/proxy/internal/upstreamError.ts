// the client's names for the same statuses, so a code reads the same from the API, the proxy and the client
const CODES: Record<number, string> = {
  400: 'invalid_request',
  402: 'insufficient_balance',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'invalid_request',
  429: 'rate_limited',
};

/** The `code` of an API error answer that carries none: by status. */
export function upstreamErrorCode(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'upstream_error' : 'upstream_rejected');
}

/**
 * An API error answer in the proxy's own `{ error, code }` shape: the API's message and every
 * other field it sent (`balance` on a 402, `retry_after` on a 429) are kept, its own `code` too
 * when it sent one; otherwise the code follows the status ({@link upstreamErrorCode}). An
 * answer that is not a JSON object gets a message naming the status.
 */
export function upstreamErrorBody(status: number, json: unknown): Record<string, unknown> {
  const fields =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  const error =
    typeof fields.error === 'string' && fields.error !== ''
      ? fields.error
      : typeof fields.message === 'string' && fields.message !== ''
        ? fields.message
        : `The ContentStats API failed (${status}).`;
  const code =
    typeof fields.code === 'string' && fields.code !== '' ? fields.code : upstreamErrorCode(status);
  return { ...fields, error, code };
}
