import type { ServerResponse } from 'node:http';

// statuses that never carry a body, so no Content-Length is sent either
const NO_BODY = new Set([204, 304]);

/**
 * Writes a buffered answer to a Node response: status, `headers` (lower-case names, a
 * `Set-Cookie` list kept apart) and the body with its `Content-Length`, none for 204 and 304.
 * A text body goes out in the same write as the headers. Works for `node:http` and Express alike.
 */
export function sendBuffered(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | string[]>,
  body: string | Uint8Array | null,
): void {
  if (NO_BODY.has(status) || body === null) {
    if (!NO_BODY.has(status)) headers['content-length'] = '0';
    res.writeHead(status, headers);
    res.end();
    return;
  }
  headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * Writes a Web `Response` to a Node response: status, headers (after `extraHeaders`, which
 * they override; each `Set-Cookie` kept apart), the body buffered with its `Content-Length`
 * (see {@link sendBuffered}).
 */
export async function sendWebResponse(
  res: ServerResponse,
  response: Response,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(extraHeaders)) headers[name.toLowerCase()] = value;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (NO_BODY.has(response.status) || response.body === null) {
    await response.body?.cancel().catch(() => {});
    sendBuffered(res, response.status, headers, null);
    return;
  }
  sendBuffered(res, response.status, headers, new Uint8Array(await response.arrayBuffer()));
}
