import type { ServerResponse } from 'node:http';
import { sendBuffered, sendWebResponse } from '../../http/nodeResponse.js';
import type { ProxyResponse } from './proxyResponse.js';
import { refusalAnswer } from './respond.js';

// a Web Request cannot carry CONNECT, TRACE or TRACK; none of them is ever forwarded
const WEB_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The 405 for a method no Web `Request` can carry, or `null` for any other method. */
export function refuseNonWebMethod(method: string | undefined): ProxyResponse | null {
  if (method !== undefined && WEB_METHODS.has(method)) return null;
  const refusal = { status: 405, code: 'method_not_allowed', message: `${method ?? ''} is not allowed.` };
  return refusalAnswer(refusal, { Allow: 'GET, POST, OPTIONS' });
}

/** Writes what a handler answered to a Node response: a Web `Response`, or a {@link ProxyResponse} (its text as it is). */
export async function sendAnswer(res: ServerResponse, answer: Response | ProxyResponse): Promise<void> {
  if (answer instanceof Response) await sendWebResponse(res, answer);
  else sendBuffered(res, answer.status, answer.headers.toRecord(), answer.body);
}
