import { ContentStatsError, isContentStatsError } from '../errors.js';
import { parseRateLimit } from '../rateLimit.js';
import type { TokenSource } from '../tokens.js';
import type { RateLimit } from '../types.js';
import { backoffDelay, type ResolvedRetry, sleep } from './backoff.js';
import { DecodeError } from './decode.js';
import { httpError } from './httpError.js';

export type Auth =
  | { kind: 'none' }
  | { kind: 'key'; apiKey: string }
  | { kind: 'token'; source: TokenSource };

export interface TransportConfig {
  baseUrl: string;
  auth: Auth;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: ResolvedRetry;
  headers: Record<string, string>;
  random: () => number;
  onRateLimit: (rateLimit: RateLimit) => void;
}

export interface RequestSpec<TData> {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  decode: (body: unknown) => TData;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

export interface TransportResult<TData> {
  data: TData;
  rateLimit: RateLimit | null;
}

/** One attempt's signal: aborts on the caller's signal or on the timeout, and says which. */
function attemptSignal(parent: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('timeout', 'TimeoutError'));
  }, timeoutMs);
  const onAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

function abortedError(cause: unknown): ContentStatsError {
  return new ContentStatsError({ code: 'aborted', message: 'The request was cancelled.', cause });
}

async function readJson(
  response: Response,
): Promise<{ ok: true; value: unknown } | { ok: false; cause: unknown }> {
  const text = await response.text();
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (cause) {
    return { ok: false, cause };
  }
}

function buildUrl(baseUrl: string, path: string, query?: Record<string, string | undefined>): string {
  let url = `${baseUrl}${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, value);
  const qs = params.toString();
  if (qs) url += `?${qs}`;
  return url;
}

/** A failure to get a token, kept apart from the API's own answers. */
class TokenFailure extends Error {
  constructor(readonly error: ContentStatsError) {
    super(error.message);
  }
}

async function getToken(source: TokenSource): Promise<string> {
  try {
    return await source.get();
  } catch (cause) {
    if (isContentStatsError(cause)) throw new TokenFailure(cause);
    // a user-supplied token function failed in its own way
    throw new TokenFailure(
      new ContentStatsError({
        code: 'unauthorized',
        message: 'Could not get an access token. Sign in again.',
        cause,
      }),
    );
  }
}

/** Resolves like `promise`, or rejects as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** Runs a request with auth, timeout, retries (network, timeout, 5xx, 429 only) and response checks. */
export async function send<TData>(
  config: TransportConfig,
  spec: RequestSpec<TData>,
): Promise<TransportResult<TData>> {
  const url = buildUrl(config.baseUrl, spec.path, spec.query);
  const timeoutMs = spec.timeoutMs ?? config.timeoutMs;
  let refreshedToken = false;
  for (let attempt = 0; ; attempt++) {
    if (spec.signal?.aborted) throw abortedError(spec.signal.reason);
    let error: ContentStatsError;
    let fromTokenSource = false;
    try {
      return await attemptOnce(config, spec, url, timeoutMs);
    } catch (caught) {
      if (caught instanceof TokenFailure) {
        fromTokenSource = true;
        error = caught.error;
      } else if (isContentStatsError(caught)) {
        error = caught;
      } else {
        throw caught;
      }
    }
    // a token may expire between fetch and use, or be revoked: refresh once, then give up.
    // Not when the token endpoint itself refused: asking it again would only repeat the refusal.
    if (
      !fromTokenSource &&
      error.code === 'unauthorized' &&
      config.auth.kind === 'token' &&
      !refreshedToken &&
      error.status === 401
    ) {
      refreshedToken = true;
      attempt--;
      continue;
    }
    if (!error.retryable || attempt >= config.retry.retries) throw error;
    const now = Date.now();
    let delay = backoffDelay(attempt, config.retry, config.random);
    if (error.retryAt !== undefined) {
      const wait = error.retryAt - now;
      // a reset far away is the caller's decision, not a hidden minute-long stall
      if (wait > config.retry.maxRetryAfterMs) throw error;
      delay = Math.max(delay, wait + Math.floor(config.random() * 250));
    }
    try {
      await sleep(delay, spec.signal);
    } catch (cause) {
      throw abortedError(cause);
    }
  }
}

async function attemptOnce<TData>(
  config: TransportConfig,
  spec: RequestSpec<TData>,
  url: string,
  timeoutMs: number,
): Promise<TransportResult<TData>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...config.headers, ...spec.headers };
  let body: string | undefined;
  if (spec.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(spec.body);
  }
  const attempt = attemptSignal(spec.signal, timeoutMs);
  let token: string | undefined;
  let response: Response;
  let parsed: Awaited<ReturnType<typeof readJson>>;
  try {
    if (config.auth.kind === 'key') headers['X-API-Key'] = config.auth.apiKey;
    if (config.auth.kind === 'token') {
      // the shared token fetch cannot be cancelled for one caller, but this caller can stop waiting
      token = await untilAborted(getToken(config.auth.source), attempt.signal);
      headers.Authorization = `Bearer ${token}`;
    }
    response = await config.fetch(url, { method: spec.method, headers, body, signal: attempt.signal });
    parsed = await readJson(response);
  } catch (cause) {
    if (cause instanceof TokenFailure) throw cause;
    if (attempt.timedOut()) {
      throw new ContentStatsError({
        code: 'timeout',
        message: `The ContentStats API did not answer within ${formatDuration(timeoutMs)}. Try again.`,
        cause,
      });
    }
    if (spec.signal?.aborted) throw abortedError(cause);
    throw new ContentStatsError({
      code: 'network',
      message: 'Could not reach the ContentStats API. Check your connection and try again.',
      cause,
    });
  } finally {
    attempt.dispose();
  }
  const now = Date.now();
  const rateLimit = parseRateLimit(response.headers, now);
  if (rateLimit) config.onRateLimit(rateLimit);
  if (!response.ok) {
    if (response.status === 401 && token && config.auth.kind === 'token')
      config.auth.source.invalidate(token);
    throw httpError(response, parsed.ok ? parsed.value : undefined, rateLimit, now);
  }
  if (!parsed.ok) {
    throw new ContentStatsError({
      code: 'invalid_response',
      status: response.status,
      message: 'The ContentStats API answered with something that is not JSON.',
      rateLimit,
      cause: parsed.cause,
    });
  }
  try {
    return { data: spec.decode(parsed.value), rateLimit };
  } catch (cause) {
    if (!(cause instanceof DecodeError)) throw cause;
    throw new ContentStatsError({
      code: 'invalid_response',
      status: response.status,
      message: `The ContentStats API sent a response this client does not understand: ${cause.message}.`,
      rateLimit,
      cause,
    });
  }
}
