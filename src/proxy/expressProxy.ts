import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express';
import { toWebRequest } from '../http/nodeRequest.js';
import { expressAdapter, expressBodyReader, expressHeadAdapter } from './internal/express.js';
import { createProxyCore } from './internal/handler.js';
import type { ProxyOptions } from './options.js';
import { createTokenHandler, type TokenEndpointOptions } from './tokenEndpoint.js';

/** An Express 5 middleware (also fine for Express 4). */
export type ExpressMiddleware = (
  req: ExpressRequest,
  res: ExpressResponse,
  next: NextFunction,
) => Promise<void>;

/** Options of {@link expressProxy}: those of `createProxy`, the mount path coming from Express. */
export type ExpressProxyOptions = Omit<ProxyOptions, 'basePath'>;

/**
 * The proxy as Express middleware. Mount it under a path; it reads the raw `req.url` below
 * that path, limits the body while it arrives (mount it before `express.json()`, or it uses
 * the parsed body), and limits the same-origin path per `req.ip`.
 *
 * @example
 * app.use('/api/contentstats', expressProxy({ apiKey: process.env.CONTENTSTATS_API_KEY!, tokenSecret }));
 */
export function expressProxy(options: ExpressProxyOptions): ExpressMiddleware {
  const core = createProxyCore({ ...options, basePath: '' });
  return expressHeadAdapter((head, req) =>
    core(head, {
      path: req.url,
      readBody: expressBodyReader(req),
      webRequest: () => toWebRequest(req, head.url),
      ...(req.ip === undefined ? {} : { clientKey: req.ip }),
    }),
  );
}

/**
 * The token endpoint as Express middleware. `claims` receives a Web `Request` with the headers
 * (cookies included) but no body, and `{ clientKey: req.ip }`; check your session there (or
 * mount it behind your session middleware) and return your user id as `subject`.
 *
 * @example
 * app.post('/api/contentstats-token', expressTokenEndpoint({
 *   secret,
 *   claims: async (request) => {
 *     const user = await sessionUser(request.headers.get('cookie'));
 *     return user ? { scope: ['read', 'track'], subject: user.id } : null;
 *   },
 * }));
 */
export function expressTokenEndpoint(options: TokenEndpointOptions): ExpressMiddleware {
  const handle = createTokenHandler(options);
  return expressAdapter((request, req) => handle(request, req.ip === undefined ? {} : { clientKey: req.ip }));
}
