import type { IncomingMessage, ServerResponse } from 'node:http';
import { readNodeBody } from '../http/cappedBody.js';
import { nodeRequestHead, toWebRequest } from '../http/nodeRequest.js';
import { normaliseBasePath } from './internal/config.js';
import { createProxyCore } from './internal/handler.js';
import { refuseNonWebMethod, sendAnswer } from './internal/nodeAnswer.js';
import { refusalAnswer } from './internal/respond.js';
import type { ProxyOptions } from './options.js';

/** A `node:http` request listener: `createServer(handler)`, or call it from your own listener. */
export type NodeProxyHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The raw path and query below `base`, or `null` when `url` is outside it. */
function below(base: string, url: string): string | null {
  if (base === '') return url;
  if (!url.startsWith(base)) return null;
  const rest = url.slice(base.length);
  if (rest === '') return '/';
  if (rest.startsWith('/')) return rest;
  return rest.startsWith('?') ? `/${rest}` : null;
}

/**
 * The proxy as a plain `node:http` listener, without Express: the same stages as
 * {@link createProxy} and `expressProxy` (tokens, limits, cache, CORS, logs), about half the
 * CPU per cached GET of `expressProxy` (see bench/README.md). Like `expressProxy` it matches the
 * raw `req.url` below `basePath` (dot segments refused, never resolved), limits the body while it
 * arrives, and counts per-address limits against `req.socket.remoteAddress`; behind a reverse
 * proxy, give `clientKey` (a header your proxy sets and clients cannot forge). A request outside
 * `basePath` gets a 404 without going through the proxy (no CORS headers, no log line).
 *
 * @throws TypeError at creation, as {@link createProxy}.
 * @example
 * import { createServer } from 'node:http';
 * const proxy = nodeProxy({ apiKey: process.env.CONTENTSTATS_API_KEY!, tokenSecret, basePath: '/api/contentstats' });
 * createServer((req, res) => {
 *   if (req.url?.startsWith('/api/contentstats/')) return void proxy(req, res);
 *   // … the rest of your server
 * }).listen(8787);
 */
export function nodeProxy(options: ProxyOptions): NodeProxyHandler {
  const base = normaliseBasePath(options.basePath);
  const core = createProxyCore(options);
  const outside = refusalAnswer({
    status: 404,
    code: 'unknown_route',
    message: 'This path is outside the proxy.',
  });
  return async (req, res) => {
    try {
      const refused = refuseNonWebMethod(req.method);
      if (refused !== null) return await sendAnswer(res, refused);
      const path = below(base, req.url ?? '/');
      if (path === null) return await sendAnswer(res, outside);
      // only the host is read (same-origin checks), as with expressProxy
      const url = () => {
        const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
        try {
          return new URL(base || '/', `${scheme}://${req.headers.host ?? 'localhost'}`).href;
        } catch {
          return 'http://localhost/';
        }
      };
      const head = nodeRequestHead(req, url);
      const answer = await core(head, {
        path,
        readBody: (maxBytes) => readNodeBody(req, maxBytes),
        webRequest: () => toWebRequest(req, head.url),
        ...(req.socket.remoteAddress === undefined ? {} : { clientKey: req.socket.remoteAddress }),
      });
      await sendAnswer(res, answer);
    } catch {
      // the stages answer their own failures; this is the adapter failing, past any answer
      if (res.headersSent) res.destroy();
      else
        await sendAnswer(
          res,
          refusalAnswer({ status: 500, code: 'proxy_error', message: 'The proxy failed. Try again.' }),
        );
    }
  };
}
