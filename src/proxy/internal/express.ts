import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express';
import { type BodyReader, readNodeBody } from '../../http/cappedBody.js';
import { nodeRequestHead, type RequestHead, toWebRequest } from '../../http/nodeRequest.js';
import { refuseNonWebMethod, sendAnswer } from './nodeAnswer.js';
import type { ProxyResponse } from './proxyResponse.js';

/** The URL the Web `Request` gets: only its host is used (same-origin checks); the path comes from the raw `req.url`. */
function requestUrl(req: ExpressRequest): string {
  try {
    return new URL(req.baseUrl || '/', `${req.protocol}://${req.get('host') ?? 'localhost'}`).href;
  } catch {
    return 'http://localhost/';
  }
}

/**
 * Reads the Express request body with a limit (see `readNodeBody`). When a body parser already
 * ran (`express.json()` before the proxy), its result is used instead.
 */
export function expressBodyReader(req: ExpressRequest): BodyReader {
  return (maxBytes) => {
    const parsed: unknown = req.body;
    if (parsed !== undefined && (req.readableEnded || req.complete)) {
      const bytes =
        parsed instanceof Uint8Array
          ? parsed
          : new TextEncoder().encode(typeof parsed === 'string' ? parsed : JSON.stringify(parsed));
      return Promise.resolve(bytes.byteLength > maxBytes ? null : bytes);
    }
    return readNodeBody(req, maxBytes);
  };
}

/** Runs a Web handler as Express middleware; unexpected errors go to `next`. */
export function expressAdapter(
  handle: (request: Request, req: ExpressRequest) => Promise<Response>,
): (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => Promise<void> {
  return expressHeadAdapter((head, req) => handle(toWebRequest(req, head.url), req));
}

/**
 * Runs a handler of request heads as Express middleware: it gets the request as a
 * {@link RequestHead} read off `req` (no Web `Request` is built unless it asks for one, with
 * `toWebRequest(req, head.url)`); unexpected errors go to `next`.
 */
export function expressHeadAdapter(
  handle: (head: RequestHead, req: ExpressRequest) => Promise<Response | ProxyResponse>,
): (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => Promise<void> {
  return async (req, res, next) => {
    try {
      const refused = refuseNonWebMethod(req.method);
      if (refused !== null) {
        await sendAnswer(res, refused);
        return;
      }
      await sendAnswer(
        res,
        await handle(
          nodeRequestHead(req, () => requestUrl(req)),
          req,
        ),
      );
    } catch (error) {
      next(error);
    }
  };
}
