import type { ReactNode } from 'react';
import { button } from './controls.css.js';
import { errorInfo } from './errorInfo.js';
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
 * The sentence for an error, with its values formatted. `secondsLeft` is the 429 countdown;
 * `online` is the browser's network state.
 */
export function errorMessage(
  error: unknown,
  labels: Labels,
  format: Formatters,
  secondsLeft: number | null,
  online = true,
): string {
  const info = errorInfo(error);
  switch (info.code) {
    case 'unauthorized':
      return labels.errorUnauthorized;
    case 'forbidden':
      return labels.errorForbidden(info.apiMessage);
    case 'insufficient_balance':
      return labels.errorInsufficientBalance(
        info.balance === undefined ? undefined : format.money(info.balance),
      );
    case 'not_found':
      return labels.errorNotFound;
    case 'conflict':
      return labels.errorConflict;
    case 'rate_limited':
      return secondsLeft !== null && secondsLeft > 0
        ? labels.errorRateLimited(secondsLeft)
        : labels.errorRateLimitedOver;
    case 'invalid_request':
      return labels.errorInvalidRequest(info.message);
    case 'network':
      return online ? labels.errorNetwork : labels.errorOffline;
    case 'timeout':
      return labels.errorTimeout;
    case 'aborted':
      return labels.errorAborted;
    case 'invalid_response':
      return labels.errorInvalidResponse;
    default:
      // a server error that no retry can fix is the site's set-up, not a passing outage
      return info.retryable === false ? labels.errorMisconfigured : labels.errorServer;
  }
}

/** The heading for an error: a short name of what happened, so each state reads differently at a glance. */
export function errorHeading(error: unknown, labels: Labels, online = true): string {
  const info = errorInfo(error);
  switch (info.code) {
    case 'unauthorized':
      return labels.errorTitleUnauthorized;
    case 'forbidden':
      return labels.errorTitleForbidden;
    case 'insufficient_balance':
      return labels.errorTitleInsufficientBalance;
    case 'not_found':
      return labels.errorTitleNotFound;
    case 'conflict':
      return labels.errorTitleConflict;
    case 'rate_limited':
      return labels.errorTitleRateLimited;
    case 'invalid_request':
      return labels.errorTitleInvalidRequest;
    case 'network':
      return online ? labels.errorTitleNetwork : labels.errorTitleOffline;
    case 'timeout':
      return labels.errorTitleTimeout;
    case 'aborted':
      return labels.errorTitleAborted;
    case 'invalid_response':
      return labels.errorTitleInvalidResponse;
    default:
      return info.retryable === false ? labels.errorTitleMisconfigured : labels.errorTitle;
  }
}

/**
 * One actionable message per error code: sign in again (401), the API's reason (403), the balance
 * (402, no Retry: only a top-up helps), a live countdown to the reset (429, with Retry once it has
 * passed), Retry for network, timeout, server and unreadable answers. Each code has its own heading.
 */
export function ErrorState({ error, retry, labels, format, detail, retryLabel, children }: ErrorStateProps) {
  const info = errorInfo(error);
  const remaining = useCountdown(info.code === 'rate_limited' ? (info.retryAt ?? null) : null);
  const seconds = remaining === null ? null : Math.ceil(remaining / 1000);
  const online = useOnline();
  const message = errorMessage(error, labels, format, seconds, online);
  const waiting = info.code === 'rate_limited' && seconds !== null && seconds > 0;
  // a repeat cannot fix these: a 402 needs a top-up first, the others a different request
  const retryable =
    !['forbidden', 'insufficient_balance', 'not_found', 'conflict', 'invalid_request'].includes(info.code) &&
    !(info.code === 'server' && info.retryable === false);
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
      {(retry && retryable && !waiting) || children ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {retry && retryable && !waiting ? (
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
