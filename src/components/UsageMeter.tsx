import { type ReactNode, useId } from 'react';
import type { ContentStatsError } from '../client/errors.js';
import type { RateLimit, Usage } from '../client/types.js';
import { useUsage } from '../react/useUsage.js';
import type { Formatters } from './internal/format.js';
import { type HeadingLevel, headingOf } from './internal/Heading.js';
import { offlineAware } from './internal/offline.js';
import { type RootProps, useRootProps, viewState } from './internal/Root.js';
import { Skeleton } from './internal/Skeleton.js';
import { stateBody } from './internal/stateBody.js';
import type { StateRenderProps } from './internal/stateProps.js';
import { type UiProps, useUi } from './internal/ui.js';
import { useCountdown } from './internal/useCountdown.js';
import * as css from './UsageMeter.css.js';

/** Props of {@link UsageMeterView}. */
export interface UsageMeterViewProps extends UiProps, RootProps, StateRenderProps {
  /** Account usage (`useUsage().data`); `undefined` while loading. */
  usage?: Usage | undefined;
  /** Latest rate-limit state (`useUsage().rateLimit`); `null` before any response carried it. */
  rateLimit?: RateLimit | null | undefined;
  /** State of the data. @defaultValue 'success' when `usage` is given, else 'pending' */
  status?: 'pending' | 'error' | 'success' | undefined;
  error?: ContentStatsError | null | undefined;
  onRetry?: (() => void) | undefined;
  /** Warn when the spendable balance (USD) falls below this. @defaultValue 5 */
  lowBalanceThreshold?: number | undefined;
  /** Heading; `null` hides it. @defaultValue labels.usageTitle */
  heading?: string | null | undefined;
  /** Level of the heading, to fit the page's outline. @defaultValue 2 */
  headingLevel?: HeadingLevel | undefined;
}

interface MeterProps {
  value: number;
  max: number;
  labelledBy: string;
  /** "3 of 10": shown above the bar, and its accessible value. */
  text: (value: string, max: string) => string;
  format: Formatters;
  /** Colour the bar as a warning above this fraction. */
  warnAbove?: number | undefined;
  /** Colour the bar as a warning below this fraction. */
  warnBelow?: number | undefined;
  part: string;
}

function Meter({ value, max, labelledBy, text, format, warnAbove, warnBelow, part }: MeterProps) {
  const valueText = text(format.number(value), format.number(max));
  const fraction = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const warn =
    (warnAbove !== undefined && fraction > warnAbove) || (warnBelow !== undefined && fraction < warnBelow);
  return (
    <>
      <span>{valueText}</span>
      {/* a native <meter> cannot take theme colours the same way in every browser */}
      {/* biome-ignore lint/a11y/useSemanticElements: styled bar with the meter role instead */}
      <div
        className={css.meter}
        role="meter"
        aria-labelledby={labelledBy}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={valueText}
        data-part={part}
      >
        <div
          className={warn ? `${css.meterFill} ${css.meterFillHigh}` : css.meterFill}
          style={{ width: `${(fraction * 100).toFixed(1)}%` }}
        />
      </div>
    </>
  );
}

function ResetCountdown({ resetAt, text }: { resetAt: number; text: (seconds: number) => string }) {
  const remaining = useCountdown(resetAt);
  if (remaining <= 0) return null;
  return (
    <span className={css.small} data-part="rate-limit-reset">
      {text(Math.ceil(remaining / 1000))}
    </span>
  );
}

/**
 * The account at a glance: balance, plan, videos tracked of the plan's limit, requests left in
 * the rate-limit window with a countdown to its reset, and a warning when the balance runs low.
 */
export function UsageMeterView(props: UsageMeterViewProps) {
  const { usage, rateLimit, lowBalanceThreshold = 5 } = props;
  const ui = useUi(props);
  const { labels, format } = ui;
  const id = useId();
  const state = viewState(props.status, Boolean(usage), usage !== undefined && usage !== null);
  const rootProps = useRootProps('UsageMeter', ui, props, state);

  let body: ReactNode;
  if (state !== 'ready' || !usage) {
    body = stateBody(
      state === 'ready' ? 'empty' : state,
      props,
      ui,
      () => <Skeleton label={labels.loading} lines={['40%', '70%', '100%', '55%']} lineHeight="1.4em" />,
      labels.usageEmpty,
    );
  } else {
    const spendable = usage.available_usd ?? usage.balance_usd;
    const active = usage.active_videos;
    const limit = usage.concurrent_videos_limit;
    body = (
      <>
        <dl className={css.stats}>
          <div className={css.stat} data-part="balance">
            <dt className={css.term}>{labels.balance}</dt>
            <dd className={css.detail}>
              <span className={css.big}>{format.money(usage.balance_usd)}</span>
              {/* the warning speaks of what can be spent: say which figure that is */}
              {usage.available_usd !== undefined && usage.available_usd !== usage.balance_usd ? (
                <span className={css.small} data-part="available">
                  {labels.availableBalance(format.money(usage.available_usd))}
                </span>
              ) : null}
            </dd>
          </div>
          <div className={css.stat} data-part="plan">
            <dt className={css.term}>{labels.plan}</dt>
            <dd className={css.detail}>
              <span className={css.planBadge}>
                {usage.plan ? labels.planName(usage.plan) : labels.notAvailable}
              </span>
            </dd>
          </div>
          <div className={css.stat} data-part="videos">
            <dt className={css.term} id={`${id}-videos`}>
              {labels.videosTracked}
            </dt>
            <dd className={css.detail}>
              {active === undefined ? (
                labels.notAvailable
              ) : typeof limit === 'number' ? (
                <Meter
                  value={active}
                  max={limit}
                  labelledBy={`${id}-videos`}
                  text={labels.videosOfLimit}
                  format={format}
                  warnAbove={0.9}
                  part="videos-meter"
                />
              ) : (
                <span>{labels.videosUnlimited(format.number(active))}</span>
              )}
            </dd>
          </div>
          <div className={css.stat} data-part="rate-limit">
            <dt className={css.term} id={`${id}-rate`}>
              {labels.rateLimit}
            </dt>
            <dd className={css.detail}>
              {rateLimit ? (
                <>
                  <Meter
                    value={rateLimit.remaining}
                    max={rateLimit.limit}
                    labelledBy={`${id}-rate`}
                    text={labels.rateLimitRemaining}
                    format={format}
                    warnBelow={0.1}
                    part="rate-limit-meter"
                  />
                  <ResetCountdown resetAt={rateLimit.resetAt} text={labels.rateLimitResetsIn} />
                </>
              ) : (
                <span className={css.small}>{labels.rateLimitUnknown}</span>
              )}
            </dd>
          </div>
        </dl>
        {spendable < lowBalanceThreshold ? (
          <p className={css.warning} data-part="low-balance">
            {labels.lowBalance(format.money(spendable))}
          </p>
        ) : null}
      </>
    );
  }

  return (
    <div {...rootProps}>
      {headingOf(props, labels.usageTitle, css.heading)}
      {body}
    </div>
  );
}

/** Props of {@link UsageMeter}. */
export type UsageMeterProps = Omit<
  UsageMeterViewProps,
  'usage' | 'rateLimit' | 'status' | 'error' | 'onRetry'
>;

/** The account's balance, plan and limits through the nearest `<ContentStatsProvider>`. */
export function UsageMeter(props: UsageMeterProps) {
  const usage = useUsage();
  return (
    <UsageMeterView
      {...props}
      usage={usage.data}
      rateLimit={usage.rateLimit}
      {...offlineAware(usage)}
      onRetry={() => void usage.refetch()}
    />
  );
}
