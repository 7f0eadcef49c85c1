import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { durationProblem, estimateCost, MAX_DURATION_DAYS, MIN_DURATION_DAYS } from '../client/cost.js';
import type { ContentStatsError } from '../client/errors.js';
import { parseVideoLink } from '../client/links.js';
import type { TrackedVideo, TrackVideoInput } from '../client/types.js';
import { useTrackVideo } from '../react/useTrackVideo.js';
import { useUsage } from '../react/useUsage.js';
import { button, field, label as labelClass } from './internal/controls.css.js';
import { ErrorState } from './internal/ErrorState.js';
import { errorInfo } from './internal/errorInfo.js';
import { type HeadingLevel, headingOf } from './internal/Heading.js';
import { offlineAware } from './internal/offline.js';
import { type RootProps, useRootProps } from './internal/Root.js';
import { title as titleClass } from './internal/root.css.js';
import type { StateRenderProps } from './internal/stateProps.js';
import { type UiProps, useUi } from './internal/ui.js';
import * as css from './VideoTracker.css.js';

/** Quiet time after the last keystroke before a link is judged. */
const LINK_PAUSE_MS = 1_000;

/**
 * The reason without the examples `parseVideoLink` appends ("Use a public TikTok video link such
 * as …"): the field's hint already shows them, and three URLs make a wall of red at 320 px.
 */
function shortReason(reason: string): string {
  const cut = reason.search(/\s+Use a public\b/);
  return cut > 0 ? reason.slice(0, cut) : reason;
}

/** Props of {@link VideoTrackerView}. */
export interface VideoTrackerViewProps extends UiProps, RootProps, Pick<StateRenderProps, 'renderError'> {
  /** Balance that can be spent, in USD; `undefined` while unknown (then the API decides). */
  balance?: number | undefined;
  /** `true` while the balance is loading. @defaultValue false */
  balanceLoading?: boolean | undefined;
  /** State of the track request. @defaultValue 'idle' */
  status?: 'idle' | 'pending' | 'success' | 'error' | undefined;
  /** The tracking that was started, after success. */
  result?: TrackedVideo | undefined;
  /** Why the track request failed. */
  error?: ContentStatsError | null | undefined;
  /** Called with a valid, affordable input. */
  onSubmit: (input: TrackVideoInput) => void;
  /**
   * Repeats the last request with the same idempotency key ("Try again" after a lost answer);
   * defaults to submitting the same input again.
   */
  onRetry?: (() => void) | undefined;
  /** Shows the tracking that already exists after a 409; without it, only its id is shown. */
  onViewExisting?: ((id: string) => void) | undefined;
  /** Initial link. @defaultValue '' */
  defaultLink?: string | undefined;
  /** Initial duration in days. @defaultValue 7 */
  defaultDurationDays?: number | undefined;
  /** Heading; `null` hides it. @defaultValue labels.trackerTitle */
  heading?: string | null | undefined;
  /** Level of the heading, to fit the page's outline. @defaultValue 2 */
  headingLevel?: HeadingLevel | undefined;
}

/**
 * A form that starts tracking a video: link checked once typing pauses or the field is left (with
 * a short reason, announced politely), duration
 * of 1–30 days, the estimated cost beside the balance, a refusal before submitting when the
 * balance cannot cover it, a pending state and the result. Data comes in as props.
 *
 * A form is never empty and stays usable while the balance loads (`data-state="loading"`, the
 * balance reads "Loading…"), so only the error state is replaceable (`renderError`).
 */
export function VideoTrackerView(props: VideoTrackerViewProps) {
  const {
    balance,
    balanceLoading = false,
    status = 'idle',
    result,
    error,
    onSubmit,
    onRetry,
    onViewExisting,
    defaultLink = '',
    defaultDurationDays = 7,
    renderError,
  } = props;
  const ui = useUi(props);
  const { labels, format } = ui;
  const id = useId();
  const [link, setLink] = useState(defaultLink);
  const [days, setDays] = useState(String(defaultDurationDays));
  // judged on blur, after a pause in typing or on submit: a half-typed link is not an error yet
  const [linkChecked, setLinkChecked] = useState(defaultLink !== '');
  const [attempted, setAttempted] = useState(false);
  const [lastInput, setLastInput] = useState<TrackVideoInput | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const daysRef = useRef<HTMLInputElement>(null);

  // after a tracking has started the field is cleared for the next link (the result stays shown)
  const shownResult = useRef(result);
  useEffect(() => {
    if (status !== 'success' || !result || shownResult.current === result) return;
    shownResult.current = result;
    setLink('');
    setLinkChecked(false);
    setAttempted(false);
  }, [status, result]);

  useEffect(() => {
    if (linkChecked || link.trim() === '') return;
    const timer = setTimeout(() => setLinkChecked(true), LINK_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [link, linkChecked]);

  const parsed = parseVideoLink(link);
  const showLinkProblem = !parsed.ok && linkChecked && (attempted || link.trim() !== '');
  const dayCount = /^\d+$/.test(days.trim()) ? Number(days.trim()) : Number.NaN;
  const daysValid = durationProblem(dayCount) === null;
  const cost = daysValid ? estimateCost(dayCount) : null;
  const cannotAfford = cost !== null && balance !== undefined && cost > balance;
  const pending = status === 'pending';

  const linkHintId = `${id}-link-hint`;
  const linkErrorId = `${id}-link-error`;
  const daysHintId = `${id}-days-hint`;
  const daysErrorId = `${id}-days-error`;
  const costId = `${id}-cost`;
  const refusalId = `${id}-refusal`;

  const refusalText = (cost: number, balance: number) => {
    // rounded to cents they would look alike: "costs $2.52 but your balance is $2.52"
    const money = format.money(cost) === format.money(balance) ? format.moneyExact : format.money;
    return labels.cannotAfford(money(cost), money(balance));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setLinkChecked(true);
    if (pending) return;
    if (!parsed.ok) {
      linkRef.current?.focus();
      return;
    }
    if (!daysValid) {
      daysRef.current?.focus();
      return;
    }
    // refused here, before anything is sent or charged: the message is already on screen
    if (cannotAfford) return;
    const input = { video_link: parsed.url, duration_days: dayCount };
    setLastInput(input);
    onSubmit(input);
  };

  const retry = onRetry ?? (() => lastInput && onSubmit(lastInput));
  const state = status === 'error' ? 'error' : balanceLoading ? 'loading' : 'ready';
  const rootProps = useRootProps('VideoTracker', ui, props, state);

  const errorView = (() => {
    if (status !== 'error' || !error) return null;
    if (renderError) return renderError(error, retry);
    const info = errorInfo(error);
    const { existingId } = info;
    const unknownOutcome = info.outcome === 'unknown';
    return (
      <div data-part="track-error">
        <ErrorState
          error={error}
          retry={info.code === 'conflict' ? undefined : retry}
          labels={labels}
          format={format}
          detail={unknownOutcome ? labels.trackOutcomeUnknown : undefined}
          retryLabel={unknownOutcome ? labels.tryAgain : undefined}
        >
          {info.code === 'conflict' && existingId ? (
            onViewExisting ? (
              <button
                type="button"
                className={button.secondary}
                onClick={() => onViewExisting(existingId)}
                data-part="view-existing"
              >
                {labels.viewExisting}
              </button>
            ) : (
              <span>{labels.existingVideo(existingId)}</span>
            )
          ) : null}
        </ErrorState>
      </div>
    );
  })();

  return (
    <div {...rootProps}>
      {headingOf(props, labels.trackerTitle, titleClass)}
      <form
        className={css.form}
        onSubmit={submit}
        noValidate
        aria-busy={pending || undefined}
        data-part="form"
      >
        <div className={css.fields}>
          <div className={`${css.fieldGroup} ${css.linkGroup}`}>
            <label htmlFor={`${id}-link`} className={labelClass}>
              {labels.linkLabel}
            </label>
            <input
              ref={linkRef}
              id={`${id}-link`}
              className={field}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder={labels.linkPlaceholder}
              value={link}
              onChange={(event) => {
                setLink(event.target.value);
                setLinkChecked(false);
              }}
              onBlur={() => setLinkChecked(true)}
              // links read left to right in every language (RTL would put "https://" at the end)
              dir="ltr"
              aria-invalid={showLinkProblem || undefined}
              aria-describedby={showLinkProblem ? `${linkErrorId} ${linkHintId}` : linkHintId}
              data-part="link-input"
            />
            <p id={linkHintId} className={css.hint}>
              {labels.linkHint}
            </p>
            {/* polite: the reason is announced once it appears, after the pause, not per keystroke */}
            <div aria-live="polite">
              {showLinkProblem && !parsed.ok ? (
                <p id={linkErrorId} className={css.invalid} data-part="link-error">
                  {labels.invalidLink(shortReason(parsed.reason))}
                </p>
              ) : null}
            </div>
          </div>
          <div className={`${css.fieldGroup} ${css.durationGroup}`}>
            <label htmlFor={`${id}-days`} className={labelClass}>
              {labels.durationLabel}
            </label>
            <div className={css.durationRow}>
              <input
                ref={daysRef}
                id={`${id}-days`}
                className={`${field} ${css.durationInput}`}
                type="number"
                inputMode="numeric"
                min={MIN_DURATION_DAYS}
                max={MAX_DURATION_DAYS}
                step={1}
                value={days}
                onChange={(event) => setDays(event.target.value)}
                aria-invalid={!daysValid || undefined}
                aria-describedby={!daysValid ? `${daysErrorId} ${daysHintId}` : daysHintId}
                data-part="duration-input"
              />
              <span aria-hidden="true">{labels.days(daysValid ? dayCount : 2)}</span>
            </div>
            <p id={daysHintId} className={css.hint}>
              {labels.durationHint(MIN_DURATION_DAYS, MAX_DURATION_DAYS)}
            </p>
            {!daysValid ? (
              <p id={daysErrorId} className={css.invalid} data-part="duration-error">
                {labels.durationInvalid(MIN_DURATION_DAYS, MAX_DURATION_DAYS)}
              </p>
            ) : null}
          </div>
        </div>

        <div className={css.costRow} id={costId} data-part="cost">
          <span className={css.cost}>
            {labels.estimatedCost(cost === null ? labels.notAvailable : format.money(cost))}
          </span>
          <span data-part="balance">
            {balanceLoading
              ? labels.loading
              : balance === undefined
                ? labels.balanceUnknown
                : labels.currentBalance(format.money(balance))}
          </span>
        </div>

        <div aria-live="polite">
          {cannotAfford && cost !== null && balance !== undefined ? (
            <p id={refusalId} className={css.refusal} data-part="refusal">
              {refusalText(cost, balance)}
            </p>
          ) : null}
        </div>

        <div className={css.actions}>
          <button
            type="submit"
            className={button.primary}
            aria-disabled={pending || cannotAfford || undefined}
            aria-describedby={cannotAfford ? refusalId : costId}
            data-part="submit"
          >
            {pending ? labels.trackPending : labels.trackSubmit}
          </button>
        </div>

        <div role="status" data-part="result">
          {status === 'success' && result ? (
            <p className={css.result}>{labels.trackedResult(result.id, result.status)}</p>
          ) : null}
        </div>
        {errorView}
      </form>
    </div>
  );
}

/** Props of {@link VideoTracker}. */
export interface VideoTrackerProps
  extends Omit<
    VideoTrackerViewProps,
    'balance' | 'balanceLoading' | 'status' | 'result' | 'error' | 'onSubmit' | 'onRetry'
  > {
  /** Called once a tracking has started, with the API's answer. */
  onTracked?: ((video: TrackedVideo) => void) | undefined;
}

/**
 * Starts tracking a video through the nearest `<ContentStatsProvider>`: the balance comes from
 * `useUsage`, the request from `useTrackVideo` (a double submit cannot track twice).
 */
export function VideoTracker(props: VideoTrackerProps) {
  const { onTracked, ...viewProps } = props;
  const track = useTrackVideo();
  const usage = useUsage();
  const balance = usage.data ? (usage.data.available_usd ?? usage.data.balance_usd) : track.knownBalance;
  // reported once per answer, whether it came from a submit or from "Try again"
  const reported = useRef<TrackedVideo | undefined>(undefined);
  const tracked = track.status === 'success' ? track.data : undefined;
  useEffect(() => {
    if (!tracked || reported.current === tracked) return;
    reported.current = tracked;
    onTracked?.(tracked);
  }, [tracked, onTracked]);
  return (
    <VideoTrackerView
      {...viewProps}
      balance={balance}
      // offline, usage waits for the network: the balance then reads "unknown", not "Loading…"
      balanceLoading={usage.isPending && usage.fetchStatus !== 'paused' && balance === undefined}
      {...offlineAware(track)}
      result={track.data}
      onSubmit={track.mutate}
      // the same logical call again (same Idempotency-Key): a lost answer cannot track twice
      onRetry={track.retry}
    />
  );
}
