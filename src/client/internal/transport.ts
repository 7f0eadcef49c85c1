import { ContentStatsError, isContentStatsError } from '../errors.js';
import { parseRateLimit } from '../rateLimit.js';
import type { TokenSource } from '../tokens.js';
import type { RateLimit } from '../types.js';
import { backoffDelay, type ResolvedRetry, sleep } from './backoff.js';
import { DecodeError } from './decode.js';
import { httpError } from './httpError.js';
import {
  abortedMessage,
  networkMessage,
  notJsonMessage,
  timeoutMessage,
  unreadableMessage,
} from './messages.js';

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
  /**
   * The request's `Idempotency-Key`: an unreadable 2xx is then retried (the API replays its first
   * answer), and every error carries the key so a later "Try again" repeats the same logical call.
   */
  idempotencyKey?: string | undefined;
}

export interface TransportResult<TData> {
  data: TData;
  rateLimit: RateLimit | null;
  /** Headers of the successful response (freshness is read from them). */
  headers: Headers;
  /** When the response arrived, on this machine's clock (ms). */
  receivedAt: number;
}

// connection refused: nothing was sent, so nothing can have been applied
function neverSent(cause: unknown): boolean {
  const inner = (cause as { cause?: { code?: unknown } } | null)?.cause;
  return inner?.code === 'ECONNREFUSED';
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

function abortedError(cause: unknown, outcome: 'unknown' | 'not_applied'): ContentStatsError {
  return new ContentStatsError({ code: 'aborted', message: abortedMessage(), cause, outcome });
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

/** Runs a request with auth, timeout, retries (network, timeout, 5xx, 429 only) and response checks. */
export async function send<TData>(
  config: TransportConfig,
  spec: RequestSpec<TData>,
): Promise<TransportResult<TData>> {
  try {
    return await sendWithRetries(config, spec);
  } catch (error) {
    if (spec.idempotencyKey !== undefined && isContentStatsError(error))
      throw error.with({ idempotencyKey: spec.idempotencyKey });
    throw error;
  }
}

async function sendWithRetries<TData>(
  config: TransportConfig,
  spec: RequestSpec<TData>,
): Promise<TransportResult<TData>> {
  const url = buildUrl(config.baseUrl, spec.path, spec.query);
  const timeoutMs = spec.timeoutMs ?? config.timeoutMs;
  let refreshedToken = false;
  // once any attempt may have reached the API, a later definite refusal (a 429) cannot undo it
  let mayHaveApplied = false;
  for (let attempt = 0; ; attempt++) {
    if (spec.signal?.aborted) throw abortedError(spec.signal.reason, attempt > 0 ? 'unknown' : 'not_applied');
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
    // an unreadable 2xx to an idempotent request: asking again replays the API's first answer
    if (error.outcome === 'unknown') mayHaveApplied = true;
    else if (mayHaveApplied) error = error.with({ outcome: 'unknown' });
    const retryable =
      error.retryable || (error.code === 'invalid_response' && spec.idempotencyKey !== undefined);
    if (!retryable || attempt >= config.retry.retries) throw error;
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
      // an earlier attempt may have reached the API: cancelling now does not undo it
      throw abortedError(cause, error.outcome);
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
  let sent = false;
  let response: Response;
  let parsed: Awaited<ReturnType<typeof readJson>>;
  try {
    if (config.auth.kind === 'key') headers['X-API-Key'] = config.auth.apiKey;
    if (config.auth.kind === 'token') {
      // the shared token fetch cannot be cancelled for one caller, but this caller can stop waiting
      token = await untilAborted(getToken(config.auth.source), attempt.signal);
      headers.Authorization = `Bearer ${token}`;
    }
    sent = true;
    response = await config.fetch(url, {
      method: spec.method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: attempt.signal,
    });
    parsed = await readJson(response);
  } catch (cause) {
    // (a body cut off mid-way lands here too: the API answered, so the request did reach it)
    if (cause instanceof TokenFailure) throw cause;
    // once the request has left, a lost answer says nothing about whether the API acted on it
    const outcome = sent && !neverSent(cause) ? 'unknown' : 'not_applied';
    if (attempt.timedOut()) {
      throw new ContentStatsError({
        code: 'timeout',
        message: timeoutMessage(timeoutMs),
        cause,
        outcome,
      });
    }
    if (spec.signal?.aborted) throw abortedError(cause, outcome);
    throw new ContentStatsError({
      code: 'network',
      message: networkMessage(),
      cause,
      outcome,
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
  // a 2xx that cannot be read was still acted on: the outcome of a write is unknown, not refused
  if (!parsed.ok) {
    throw new ContentStatsError({
      code: 'invalid_response',
      status: response.status,
      message: notJsonMessage(),
      rateLimit,
      cause: parsed.cause,
      outcome: 'unknown',
    });
  }
  try {
    return { data: spec.decode(parsed.value), rateLimit, headers: response.headers, receivedAt: now };
  } catch (cause) {
    if (!(cause instanceof DecodeError)) throw cause;
    throw new ContentStatsError({
      code: 'invalid_response',
      status: response.status,
      message: unreadableMessage(cause.message),
      rateLimit,
      cause,
      outcome: 'unknown',
    });
  }
}
