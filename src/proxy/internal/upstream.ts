import { readCapped } from '../../http/cappedBody.js';
import type { Refusal } from './respond.js';

/** How the proxy reaches the API. */
export interface UpstreamConfig {
  /** Base URL without a trailing slash, e.g. `https://contentstats.io`. */
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** One call to the API, built only from validated parts. */
export interface UpstreamRequest {
  method: 'GET' | 'POST';
  path: string;
  /** `''` or `?platform=…`. */
  query: string;
  body?: string;
  idempotencyKey?: string;
}

/** An API answer, buffered, with only the headers the browser may see. */
export interface UpstreamAnswer {
  status: number;
  /** Allowlisted headers (rate limit, Retry-After, Idempotent-Replayed). */
  headers: Record<string, string>;
  /** JSON text, the API key scrubbed out. */
  body: string;
  /** The parsed body. */
  json: unknown;
}

/** Result of {@link callUpstream}: an answer to pass on, or a refusal the proxy makes (502/504). */
export type UpstreamResult = { ok: true; answer: UpstreamAnswer } | { ok: false; refusal: Refusal };

// everything else (Set-Cookie, hop-by-hop headers, server banners) stays behind the proxy
const PASSED_HEADERS = [
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'idempotent-replayed',
];
const MAX_UPSTREAM_BYTES = 5 * 1024 * 1024;

function failure(status: number, code: string, message: string): UpstreamResult {
  return { ok: false, refusal: { status, code, message } };
}

/** Replaces every occurrence of `secret` (never expected, but error bodies are echoed). */
export function scrub(text: string, secret: string): string {
  return secret !== '' && text.includes(secret) ? text.split(secret).join('[redacted]') : text;
}

/**
 * Calls the API with the server key and a time limit (which covers reading the answer). Never
 * follows redirects; reads at most 5 MB of answer. Unreachable → 502, time limit → 504, too
 * large → 502, a 401 (the server's key refused) → 502, a body that is not JSON → 502 (2xx) or a
 * JSON error with the same status.
 */
export async function callUpstream(config: UpstreamConfig, call: UpstreamRequest): Promise<UpstreamResult> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': 'contentstats-kit-proxy',
    'X-API-Key': config.apiKey,
  };
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  if (call.idempotencyKey !== undefined) headers['Idempotency-Key'] = call.idempotencyKey;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await config.fetch(`${config.baseUrl}${call.path}${call.query}`, {
      method: call.method,
      headers,
      body: call.body,
      redirect: 'manual',
      signal: controller.signal,
    });
    const declared = Number(response.headers.get('content-length') ?? '0');
    // a declared length refuses at once; a chunked or lying answer is cut off by the capped read
    let bytes: Uint8Array | null = null;
    if (declared > MAX_UPSTREAM_BYTES) await response.body?.cancel().catch(() => {});
    else bytes = await readCapped(response.body, MAX_UPSTREAM_BYTES);
    if (bytes === null) {
      return failure(502, 'upstream_too_large', 'The ContentStats API sent a response too large to pass on.');
    }
    text = new TextDecoder().decode(bytes);
  } catch {
    if (timedOut) {
      return failure(
        504,
        'upstream_timeout',
        `The ContentStats API did not answer within ${config.timeoutMs / 1000} s. Try again.`,
      );
    }
    return failure(
      502,
      'upstream_unreachable',
      'Could not reach the ContentStats API. Try again in a moment.',
    );
  } finally {
    clearTimeout(timer);
  }
  const status = response.status;
  if (status === 401) {
    return failure(
      502,
      'upstream_unauthorized',
      'The ContentStats API refused the server’s API key. Check CONTENTSTATS_API_KEY on the server.',
    );
  }
  // redirects are not followed (no open proxy); 1xx/3xx are not answers of the documented API
  if (status < 200 || (status >= 300 && status < 400)) {
    return failure(
      502,
      'upstream_invalid',
      `The ContentStats API answered ${status}, which the proxy does not pass on.`,
    );
  }
  const passed: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) passed[name] = scrub(value, config.apiKey);
  }
  const body = scrub(text, config.apiKey);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    if (status < 400)
      return failure(
        502,
        'upstream_invalid',
        'The ContentStats API answered with something that is not JSON.',
      );
    const message = `The ContentStats API failed (${status}).`;
    const replacement = JSON.stringify({ error: message, code: 'upstream_error' });
    return { ok: true, answer: { status, headers: passed, body: replacement, json: { error: message } } };
  }
  return { ok: true, answer: { status, headers: passed, body, json } };
}
