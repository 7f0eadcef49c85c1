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

/**
 * What the proxy reads of a request: its method, URL and headers. A Web `Request` is one; a
 * Node request can be read as one without building a `Request` (see {@link nodeRequestHead}).
 */
export interface RequestHead {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null; has(name: string): boolean };
}

/**
 * A Node request read as a {@link RequestHead}: each header as `toWebRequest(req, url)` would
 * give it (repeated values joined with `, `), read from `req.headers` when asked; `url` made on
 * first read. Building the Web `Request` (its Headers, URL and AbortSignal) for every request
 * was a tenth of the proxy's time on a cached GET; most requests need three headers of it.
 */
export function nodeRequestHead(req: IncomingMessage, url: () => string): RequestHead {
  const get = (name: string): string | null => {
    const value = req.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  };
  let made: string | undefined;
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    get url() {
      made ??= url();
      return made;
    },
    headers: { get, has: (name) => get(name) !== null },
  };
}
