import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express';
import type { BodyReader } from './body.js';
import { refusalResponse } from './respond.js';

// a Web Request cannot carry CONNECT, TRACE or TRACK; none of them is ever forwarded
const WEB_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** An Express request as a Web `Request` (headers and method; the body is read through {@link nodeBodyReader}). */
export function toWebRequest(req: ExpressRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  let url: string;
  try {
    // only the host is used from this URL (same-origin checks); the path comes from the raw req.url
    url = new URL(req.baseUrl || '/', `${req.protocol}://${req.get('host') ?? 'localhost'}`).href;
  } catch {
    url = 'http://localhost/';
  }
  return new Request(url, { method: req.method, headers });
}

/**
 * Reads the Express request body, refusing more than `maxBytes` as soon as it arrives. When a
 * body parser already ran (`express.json()` before the proxy), its result is used instead.
 */
export function nodeBodyReader(req: ExpressRequest): BodyReader {
  return (maxBytes) => {
    const parsed: unknown = req.body;
    if (parsed !== undefined && (req.readableEnded || req.complete)) {
      const bytes =
        parsed instanceof Uint8Array
          ? parsed
          : new TextEncoder().encode(typeof parsed === 'string' ? parsed : JSON.stringify(parsed));
      return Promise.resolve(bytes.byteLength > maxBytes ? null : bytes);
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const cleanup = () => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > maxBytes) {
          cleanup();
          // stop buffering; the 413 goes out with Connection: close, which ends the upload
          req.pause();
          resolve(null);
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = () => {
        cleanup();
        resolve(new Uint8Array(Buffer.concat(chunks)));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
    });
  };
}

/** Sends a Web `Response` through Express. */
export async function sendWebResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.status(response.status);
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer());
  if (body === null) res.end();
  else res.end(body);
}

/** Runs a Web handler as Express middleware; unexpected errors go to `next`. */
export function expressAdapter(
  handle: (request: Request, req: ExpressRequest) => Promise<Response>,
): (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => Promise<void> {
  return async (req, res, next) => {
    try {
      if (!WEB_METHODS.has(req.method)) {
        const refusal = { status: 405, code: 'method_not_allowed', message: `${req.method} is not allowed.` };
        await sendWebResponse(res, refusalResponse(refusal, { Allow: 'GET, POST, OPTIONS' }));
        return;
      }
      await sendWebResponse(res, await handle(toWebRequest(req), req));
    } catch (error) {
      next(error);
    }
  };
}
