import type { IncomingMessage } from 'node:http';

/**
 * A Node request as a Web `Request` at `url`: method and every header (repeated ones appended),
 * and `body` when given (bodies are read first, with a limit: see `readNodeBody`).
 */
export function toWebRequest(req: IncomingMessage, url: string | URL, body?: Uint8Array | null): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const init: RequestInit = { method, headers };
  if (body && method !== 'GET' && method !== 'HEAD') init.body = body as Uint8Array<ArrayBuffer>;
  return new Request(url, init);
}
