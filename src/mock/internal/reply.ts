/** What a handler answers; the engine turns it into a `Response` and adds the shared headers. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A JSON reply. */
export function reply(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

/** An error reply: always `{ error: message, ...extra }`. */
export function errorReply(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Reply {
  return reply(status, { error: message, ...extra }, headers);
}
