import type { ServerResponse } from 'node:http';

/** Largest request body the server reads. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Headers that let any local page call the server from a browser. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, X-API-Key, Idempotency-Key, Authorization',
  'Access-Control-Expose-Headers':
    // Date is not CORS-safelisted (Cache-Control is): pages correct snapshot times by the server's clock with it
    'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, Idempotent-Replayed, Date',
  'Access-Control-Max-Age': '600',
};

/** A JSON error written straight to a Node response (for errors the engine never sees). */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  message: string,
  extraHeaders: Readonly<Record<string, string>>,
): void {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, {
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}
