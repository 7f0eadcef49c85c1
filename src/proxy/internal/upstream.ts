import { readCapped } from '../../http/cappedBody.js';
import type { Refusal } from './respond.js';
import { upstreamErrorBody } from './upstreamError.js';

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
  /** Allowlisted headers (rate limit, Retry-After, Idempotent-Replayed, Date), lower-case names. */
  headers: Record<string, string>;
  /** The API's `Cache-Control` and `Age`: read by the proxy's cache, never passed on as they are. */
  cacheControl: string | null;
  age: string | null;
  /** JSON text, the API key scrubbed out; an error answer in the `{ error, code }` shape. */
  body: string;
  /** The parsed body (as the API sent it). */
  json: unknown;
}

/**
 * Result of {@link callUpstream}: an answer to pass on, or a refusal the proxy makes (5xx),
 * with the `error` behind it for the `onError` hook and the log.
 */
export type UpstreamResult =
  | { ok: true; answer: UpstreamAnswer }
  | { ok: false; refusal: Refusal; error: Error };

// everything else (Set-Cookie, hop-by-hop headers, server banners) stays behind the proxy
const PASSED_HEADERS = [
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'idempotent-replayed',
  // the API's clock: what the browser corrects a snapshot time by when no max-age came
  'date',
];
const MAX_UPSTREAM_BYTES = 5 * 1024 * 1024;

function failure(status: number, code: string, message: string, error: Error): UpstreamResult {
  return { ok: false, refusal: { status, code, message }, error };
}

/** Replaces every occurrence of `secret` (never expected, but error bodies are echoed). */
export function scrub(text: string, secret: string): string {
  return secret !== '' && text.includes(secret) ? text.split(secret).join('[redacted]') : text;
}

/**
 * Calls the API with the server key and a time limit (which covers reading the answer). Never
 * follows redirects; reads at most 5 MB of answer. Unreachable → 502, time limit → 504, too
 * large → 502, a 401 (the server's key refused: the server is misconfigured, a retry cannot
 * help) → 500 `upstream_unauthorized`, a 2xx that is not JSON → 502; an error answer keeps its
 * status and becomes `{ error, code }` (see {@link upstreamErrorBody}).
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
      ...(call.body === undefined ? {} : { body: call.body }),
      redirect: 'manual',
      signal: controller.signal,
    });
    const declared = Number(response.headers.get('content-length') ?? '0');
    // a declared length refuses at once; a chunked or lying answer is cut off by the capped read
    let bytes: Uint8Array | null = null;
    if (declared > MAX_UPSTREAM_BYTES) await response.body?.cancel().catch(() => {});
    else bytes = await readCapped(response.body, MAX_UPSTREAM_BYTES);
    if (bytes === null) {
      return failure(
        502,
        'upstream_too_large',
        'The ContentStats API sent a response too large to pass on.',
        new Error(
          `The ContentStats API answered ${response.status} with more than ${MAX_UPSTREAM_BYTES} bytes`,
        ),
      );
    }
    text = new TextDecoder().decode(bytes);
  } catch (cause) {
    if (timedOut) {
      return failure(
        504,
        'upstream_timeout',
        `The ContentStats API did not answer within ${config.timeoutMs / 1000} s. Try again.`,
        new Error(`No answer from the ContentStats API within ${config.timeoutMs} ms`, { cause }),
      );
    }
    return failure(
      502,
      'upstream_unreachable',
      'Could not reach the ContentStats API. Try again in a moment.',
      cause instanceof Error ? cause : new Error(String(cause)),
    );
  } finally {
    clearTimeout(timer);
  }
  const status = response.status;
  if (status === 401) {
    return failure(
      500,
      'upstream_unauthorized',
      'The ContentStats API refused the server’s API key. Check CONTENTSTATS_API_KEY on the server.',
      new Error('The ContentStats API answered 401 to the server’s API key'),
    );
  }
  // redirects are not followed (no open proxy); 1xx/3xx are not answers of the documented API
  if (status < 200 || (status >= 300 && status < 400)) {
    return failure(
      502,
      'upstream_invalid',
      `The ContentStats API answered ${status}, which the proxy does not pass on.`,
      new Error(`The ContentStats API answered ${status}`),
    );
  }
  const passed: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) passed[name] = scrub(value, config.apiKey);
  }
  const meta = { cacheControl: response.headers.get('cache-control'), age: response.headers.get('age') };
  let body = scrub(text, config.apiKey);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    if (status < 400) {
      return failure(
        502,
        'upstream_invalid',
        'The ContentStats API answered with something that is not JSON.',
        new Error(`The ContentStats API answered ${status} with a body that is not JSON`, { cause }),
      );
    }
    json = null;
  }
  if (status >= 400) body = JSON.stringify(upstreamErrorBody(status, json));
  return { ok: true, answer: { status, headers: passed, ...meta, body, json } };
}
