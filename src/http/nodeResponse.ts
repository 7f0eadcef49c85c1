import type { ServerResponse } from 'node:http';

// statuses that never carry a body, so no Content-Length is sent either
const NO_BODY = new Set([204, 304]);

/**
 * Writes a Web `Response` to a Node response: status, headers (after `extraHeaders`, which
 * they override; each `Set-Cookie` kept apart), the body buffered with its `Content-Length`.
 * Works for `node:http` and Express alike.
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
    if (!NO_BODY.has(response.status)) headers['content-length'] = '0';
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}
