/** Retry settings of the client. */
export interface RetryOptions {
  /** Retries after the first attempt. @defaultValue 2 */
  retries?: number;
  /** First backoff ceiling in ms; doubles each attempt. @defaultValue 300 */
  baseDelayMs?: number;
  /** Cap of one backoff in ms. @defaultValue 10000 */
  maxDelayMs?: number;
  /** Longest `Retry-After` / rate-limit reset the client waits for before giving up. @defaultValue 60000 */
  maxRetryAfterMs?: number;
}

export type ResolvedRetry = Required<RetryOptions>;

export function resolveRetry(retry: RetryOptions | false | undefined): ResolvedRetry {
  if (retry === false) return { retries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };
  return {
    retries: retry?.retries ?? 2,
    baseDelayMs: retry?.baseDelayMs ?? 300,
    maxDelayMs: retry?.maxDelayMs ?? 10_000,
    maxRetryAfterMs: retry?.maxRetryAfterMs ?? 60_000,
  };
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base × 2^attempt)]. */
export function backoffDelay(
  attempt: number,
  retry: ResolvedRetry,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
