import { type ReactNode, useMemo } from 'react';
import type { ContentStatsError } from '../client/errors.js';
import { engagementRate, type MetricName, type SnapshotPoint } from '../metrics/series.js';
import { useSnapshots } from '../react/useSnapshots.js';
import { Count } from './internal/Count.js';
import { type HeadingLevel, headingOf } from './internal/Heading.js';
import { kpis } from './internal/kpis.js';
import type { Labels } from './internal/labels.js';
import { offlineAware } from './internal/offline.js';
import { type RootProps, useRootProps, viewState } from './internal/Root.js';
import { Sparkline } from './internal/Sparkline.js';
import { stateBody } from './internal/stateBody.js';
import type { StateRenderProps } from './internal/stateProps.js';
import { skeletonBlock } from './internal/states.css.js';
import { type UiProps, useUi } from './internal/ui.js';
import { useCountdown } from './internal/useCountdown.js';
import * as css from './MetricSummary.css.js';

/** Props of {@link MetricSummaryView}. */
export interface MetricSummaryViewProps extends UiProps, RootProps, StateRenderProps {
  /** Snapshot points (`useSnapshots(id).data.points`); `undefined` while loading. */
  points?: readonly SnapshotPoint[] | undefined;
  /**
   * When the next snapshot can be fetched (ms on the viewer's clock), `null` once tracking has
   * finished; `undefined` hides the line.
   */
  nextSnapshotAt?: number | null | undefined;
  /** The metric of the total and change cards. @defaultValue 'views' */
  metric?: MetricName | undefined;
  /** State of the data. @defaultValue 'success' when `points` are given, else 'pending' */
  status?: 'pending' | 'error' | 'success' | undefined;
  error?: ContentStatsError | null | undefined;
  onRetry?: (() => void) | undefined;
  /** Heading; `null` hides it. @defaultValue labels.summaryTitle */
  heading?: string | null | undefined;
  /** Level of the heading, to fit the page's outline. @defaultValue 2 */
  headingLevel?: HeadingLevel | undefined;
}

function NextSnapshot({ at, labels }: { at: number | null; labels: Labels }) {
  const remaining = useCountdown(at);
  const text =
    at === null
      ? labels.noMoreSnapshots
      : remaining > 0
        ? labels.nextSnapshotIn(Math.ceil(remaining / 60_000))
        : labels.nextSnapshotSoon;
  return (
    <span className={css.next} data-part="next-snapshot">
      {text}
    </span>
  );
}

/**
 * KPI cards of one video: the latest total, the change over the last 24 hours (measured between
 * snapshots) and the engagement rate, each with a sparkline; and when the next snapshot comes.
 */
export function MetricSummaryView(props: MetricSummaryViewProps) {
  const { points, nextSnapshotAt, metric = 'views' } = props;
  const ui = useUi(props);
  const { labels, format } = ui;
  const sorted = useMemo(() => (points ? [...points].sort((a, b) => a.time - b.time) : []), [points]);

  const state = viewState(props.status, Boolean(points), sorted.length > 0);
  const rootProps = useRootProps('MetricSummary', ui, props, state);
  const heading = headingOf(props, labels.summaryTitle, css.heading);

  let body: ReactNode;
  if (state !== 'ready') {
    body = stateBody(
      state,
      props,
      ui,
      () => (
        // three cards shaped like the real ones (label, value, sparkline): nothing jumps on load
        <div className={css.cards} role="status" aria-label={labels.loading} data-part="skeleton">
          {['total', 'change', 'engagement'].map((kpi) => (
            <div key={kpi} className={css.card} aria-hidden="true">
              <span className={`${skeletonBlock} ${css.skeletonLabel}`} />
              <span className={`${skeletonBlock} ${css.skeletonValue}`} />
              <span className={`${skeletonBlock} ${css.skeletonSparkline}`} />
            </div>
          ))}
        </div>
      ),
      labels.summaryEmpty,
    );
  } else {
    const figures = kpis(sorted, metric);
    const metricLabel = labels[metric];
    const totals = sorted.map((p) => ({ x: p.time, y: p[metric] ?? Number.NaN }));
    const changes = sorted.slice(1).map((p, i) => {
      const prev = sorted[i] as SnapshotPoint;
      const a = prev.exact[metric];
      const b = p.exact[metric];
      return {
        x: p.time,
        y: a === null || b === null ? Number.NaN : Number(b - a) / ((p.time - prev.time) / 3_600_000 || 1),
      };
    });
    const rates = sorted.map((p) => ({ x: p.time, y: engagementRate(p) ?? Number.NaN }));
    const latestRate = engagementRate(sorted[sorted.length - 1] as SnapshotPoint);
    const trend = (values: { y: number }[], show: (v: number) => string, name: string) => {
      const finite = values.filter((v) => Number.isFinite(v.y));
      const first = finite[0];
      const last = finite[finite.length - 1];
      return first && last ? labels.sparklineLabel(name, show(first.y), show(last.y)) : name;
    };
    // one snapshot has no change yet: not "last 0 h" but since tracking began, shown as "—"
    // counts from 10^15 on show every digit: a smaller size keeps 21 characters inside a 320 px card
    const sized = (text: string) => (text.length > 13 ? `${css.value} ${css.valueLong}` : css.value);
    const changeTitle =
      figures.change === null && figures.changeHours === 0
        ? labels.changeSinceStart
        : figures.changeHours === 24
          ? labels.change24h
          : labels.changeOverHours(figures.changeHours);
    body = (
      <ul className={css.cards}>
        <li className={css.card} data-part="card" data-kpi="total">
          <p className={css.cardLabel}>{labels.latestTotal(metricLabel)}</p>
          <p className={sized(figures.total === null ? '' : format.compact(figures.total))}>
            <Count value={figures.total} format={format} notAvailable={labels.notAvailable} />
          </p>
          <Sparkline values={totals} label={trend(totals, format.compact, metricLabel)} />
        </li>
        <li className={css.card} data-part="card" data-kpi="change">
          <p className={css.cardLabel}>{changeTitle}</p>
          <p
            className={`${sized(figures.change === null ? '' : format.delta(figures.change))} ${figures.change === null ? '' : figures.change > 0n ? css.up : figures.change < 0n ? css.down : ''}`}
          >
            <Count value={figures.change} kind="delta" format={format} notAvailable={labels.notAvailable} />
          </p>
          <Sparkline
            values={changes}
            label={trend(changes, (v) => labels.perHour(format.delta(v)), labels.deltaColumn(metricLabel))}
          />
        </li>
        <li className={css.card} data-part="card" data-kpi="engagement">
          <p className={css.cardLabel}>{labels.engagementRate}</p>
          <p className={css.value}>
            {latestRate === null ? labels.notAvailable : format.percent(latestRate)}
          </p>
          <Sparkline values={rates} label={trend(rates, format.percent, labels.engagementRate)} />
        </li>
      </ul>
    );
  }

  return (
    <div {...rootProps}>
      {heading || (state === 'ready' && nextSnapshotAt !== undefined) ? (
        <div className={css.header}>
          {heading}
          {state === 'ready' && nextSnapshotAt !== undefined ? (
            <NextSnapshot at={nextSnapshotAt} labels={labels} />
          ) : null}
        </div>
      ) : null}
      {body}
    </div>
  );
}

/** Props of {@link MetricSummary}. */
export interface MetricSummaryProps
  extends Omit<MetricSummaryViewProps, 'points' | 'nextSnapshotAt' | 'status' | 'error' | 'onRetry'> {
  /** Id of the tracked video. */
  videoId: string;
}

/** KPI cards of a tracked video, refreshed as snapshots arrive. */
export function MetricSummary(props: MetricSummaryProps) {
  const { videoId, ...viewProps } = props;
  const snapshots = useSnapshots(videoId);
  return (
    <MetricSummaryView
      {...viewProps}
      points={snapshots.data?.points}
      nextSnapshotAt={snapshots.data ? snapshots.data.nextSnapshotAt : undefined}
      {...offlineAware(snapshots)}
      onRetry={() => void snapshots.refetch()}
    />
  );
}
