import { ProxyResponse } from './proxyResponse.js';

/** A refusal or proxy-made error: status, stable code and a message a person can act on. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

/** Headers on every answer the proxy makes itself. */
export const BASE_HEADERS: Record<string, string> = {
  'Content-Type': 'application/json; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
};

/** `{ error, code }` JSON with `Cache-Control: no-store`, as the proxy's stages pass answers. */
export function refusalAnswer(refusal: Refusal, extraHeaders: Record<string, string> = {}): ProxyResponse {
  return new ProxyResponse(JSON.stringify({ error: refusal.message, code: refusal.code }), {
    status: refusal.status,
    headers: { ...BASE_HEADERS, 'Cache-Control': 'no-store', ...refusal.headers, ...extraHeaders },
  });
}

/** {@link refusalAnswer} as a Web `Response`. */
export function refusalResponse(refusal: Refusal, extraHeaders: Record<string, string> = {}): Response {
  return refusalAnswer(refusal, extraHeaders).toResponse();
}

/** A 401 with the `WWW-Authenticate` challenge of RFC 6750 (the description never contains the token). */
export function unauthorized(code: string, message: string): Refusal {
  const description = message.replace(/["\\]/g, "'");
  return {
    status: 401,
    code,
    message,
    headers: {
      'WWW-Authenticate': `Bearer realm="contentstats", error="invalid_token", error_description="${description}"`,
    },
  };
}
