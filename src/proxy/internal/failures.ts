import type { RequestHead } from '../../http/nodeRequest.js';
import type { ProxyOptions } from '../options.js';
import type { ProxyContext } from './context.js';

const MAX_CAUSE_CHARS = 500;

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  return out;
}

/**
 * An error as one line, `Name: message`, followed through its `cause` chain
 * (`TypeError: fetch failed ← Error: connect ECONNREFUSED 127.0.0.1:4010`), with every secret
 * given replaced by `[redacted]` and the whole cut at 500 characters.
 */
export function describeError(error: unknown, secrets: readonly string[]): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      parts.push(current.message === '' ? current.name : `${current.name}: ${current.message}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  const line = redact(parts.join(' ← '), secrets);
  return line.length > MAX_CAUSE_CHARS ? `${line.slice(0, MAX_CAUSE_CHARS - 1)}…` : line;
}

/** What must never appear in a log line: the API key, the token secret, the caller's credentials. */
function secretsOf(options: ProxyOptions, request: RequestHead): string[] {
  const secrets = [options.apiKey];
  if (typeof options.tokenSecret === 'string') secrets.push(options.tokenSecret);
  const authorization = request.headers.get('authorization');
  if (authorization !== null) secrets.push(authorization, authorization.replace(/^\S+\s+/, ''));
  const cookie = request.headers.get('cookie');
  if (cookie !== null) secrets.push(cookie);
  return secrets;
}

/**
 * Notes a failure the proxy did not expect (a thrown error, an API that cannot be reached or
 * refuses the key) in the log line and tells `onError`, which never breaks the answer.
 */
export function reportFailure(
  options: ProxyOptions,
  context: ProxyContext,
  error: unknown,
  answer: { status: number; code: string },
): void {
  context.log.cause = describeError(error, secretsOf(options, context.request));
  if (options.onError === undefined) return;
  try {
    options.onError(error instanceof Error ? error : new Error(String(error), { cause: error }), {
      code: answer.code,
      status: answer.status,
      method: context.method,
      route: context.log.route,
      cause: context.log.cause,
    });
  } catch {
    // a failing hook must not fail the request
  }
}
