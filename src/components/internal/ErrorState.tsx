import type { ReactNode } from 'react';
import { button } from './controls.css.js';
import { type ErrorInfo, errorInfo } from './errorInfo.js';
import type { Formatters } from './format.js';
import type { Labels } from './labels.js';
import { useOnline } from './offline.js';
import { error as errorClass, errorText, errorTitle } from './states.css.js';
import { useCountdown } from './useCountdown.js';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** Usually a `ContentStatsError`; anything else shows as a service problem. */
  error: unknown;
  /** Repeats the failed request; without it no retry button shows. */
  retry?: (() => void) | undefined;
  labels: Labels;
  format: Formatters;
  /** A sentence after the message, e.g. that a repeat will not charge twice. */
  detail?: ReactNode | undefined;
  /** Text of the retry button instead of `labels.retry`. */
  retryLabel?: string | undefined;
  /** Extra actions after the built-in one. */
  children?: ReactNode | undefined;
}

/**
 * What follows `error` and `errorTitle` in the label names of an error: its code in PascalCase
 * (`not_found` → `errorNotFound`, `errorTitleNotFound`), `Offline` for a network error while the
 * browser is offline, and for a server error `Misconfigured` when no retry can fix it (the site's
 * set-up, not a passing outage), else nothing (`errorTitle`; the message is `errorServer`).
 */
function labelSuffix(info: ErrorInfo, online: boolean): string {
  if (info.code === 'server') return info.retryable === false ? 'Misconfigured' : '';
  if (info.code === 'network' && !online) return 'Offline';
  return info.code.replace(/(?:^|_)(\w)/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * The sentence for an error, with its values formatted. `secondsLeft` is the 429 countdown (`0`
 * once it has passed or without one);
 * `online` is the browser's network state.
 */
export function errorMessage(
  error: unknown,
  labels: Labels,
  format: Formatters,
  secondsLeft: number,
  online = true,
): string {
  const info = errorInfo(error);
  if (info.code === 'rate_limited') {
    return secondsLeft > 0 ? labels.errorRateLimited(secondsLeft) : labels.errorRateLimitedOver;
  }
  const label = labels[`error${labelSuffix(info, online) || 'Server'}` as keyof Labels];
  // the messages with a value: the API's reason (403), the balance (402), the refusal (400)
  return typeof label === 'function'
    ? (label as (value: string | undefined) => string)(
        info.code === 'forbidden'
          ? info.apiMessage
          : info.code === 'invalid_request'
            ? info.message
            : info.balance === undefined
              ? undefined
              : format.money(info.balance),
      )
    : (label as string);
}

/** The heading for an error: a short name of what happened, so each state reads differently at a glance. */
export function errorHeading(error: unknown, labels: Labels, online = true): string {
  return labels[`errorTitle${labelSuffix(errorInfo(error), online)}` as 'errorTitle'];
}

/**
 * One actionable message per error code: sign in again (401), the API's reason (403), the balance
 * (402, no Retry: only a top-up helps), a live countdown to the reset (429, with Retry once it has
 * passed), Retry for network, timeout, server and unreadable answers. Each code has its own heading.
 */
export function ErrorState({ error, retry, labels, format, detail, retryLabel, children }: ErrorStateProps) {
  const info = errorInfo(error);
  const seconds = Math.ceil(useCountdown(info.code === 'rate_limited' ? info.retryAt : null) / 1000);
  const online = useOnline();
  const message = errorMessage(error, labels, format, seconds, online);
  // only a 429 with a reset time counts down
  const waiting = seconds > 0;
  // a repeat cannot fix these: a 402 needs a top-up first, the others a different request
  const retryable =
    !['forbidden', 'insufficient_balance', 'not_found', 'conflict', 'invalid_request'].includes(info.code) &&
    !(info.code === 'server' && info.retryable === false);
  const showRetry = retry && retryable && !waiting;
  const actionLabel = info.code === 'unauthorized' ? labels.signInAgain : (retryLabel ?? labels.retry);
  return (
    <div className={errorClass} data-part="error" data-error-code={info.code}>
      <div role="alert">
        <p className={errorTitle} data-part="error-title">
          {errorHeading(error, labels, online)}
        </p>
        {/* the countdown changes every second: announced once, not on every tick */}
        <p className={errorText} aria-live={waiting ? 'off' : undefined} data-part="error-message">
          {message}
        </p>
        {detail ? <p className={errorText}>{detail}</p> : null}
      </div>
      {showRetry || children ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {showRetry ? (
            <button type="button" className={button.secondary} onClick={retry} data-part="retry">
              {actionLabel}
            </button>
          ) : null}
          {children}
        </div>
      ) : null}
    </div>
  );
}
