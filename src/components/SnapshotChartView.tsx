import { type ReactNode, useCallback, useId, useMemo, useRef, useState } from 'react';
import type { ContentStatsError } from '../client/errors.js';
import { ChartLegend } from './chart/ChartLegend.js';
import { ChartPlot } from './chart/ChartPlot.js';
import { ChartTable } from './chart/ChartTable.js';
import {
  actions,
  actionsLabel,
  caption,
  chartRoot,
  FOOTER_HEIGHT,
  footer,
  full,
  title as titleClass,
} from './chart/chart.css.js';
import { toPlotSeries } from './chart/data.js';
import { downloadPng, downloadSvg } from './chart/download.js';
import { formatHoursSinceStart } from './chart/timeTicks.js';
import type { ChartAlign, ChartMode, ChartScale, ChartSeries, PlotSeries } from './chart/types.js';
import { useAfterPaint } from './chart/useAfterPaint.js';
import { useContainerWidth } from './chart/useContainerWidth.js';
import { compactText } from './chart/values.js';
import { button } from './internal/controls.css.js';
import type { Labels } from './internal/labels.js';
import { type RootProps, useRootProps, viewState } from './internal/Root.js';
import { visuallyHidden } from './internal/root.css.js';
import { Skeleton } from './internal/Skeleton.js';
import { stateBody } from './internal/stateBody.js';
import type { StateRenderProps } from './internal/stateProps.js';
import { type UiProps, useUi } from './internal/ui.js';

/** Props of {@link SnapshotChartView}. */
export interface SnapshotChartViewProps extends Omit<UiProps, 'labels'>, RootProps, StateRenderProps {
  /** The lines to draw: cumulative totals per series (see `seriesFromPoints`). */
  series: readonly ChartSeries[];
  /** Query status; `pending` shows the skeleton, `error` the error state. @defaultValue 'success' */
  status?: 'pending' | 'error' | 'success';
  error?: ContentStatsError | null;
  /** Repeats the failed request(s) from the error state. */
  onRetry?: () => void;
  /** What is charted, e.g. `Views`: the chart's heading and the start of its accessible summary. */
  title?: string;
  /** Cumulative totals or change per hour. @defaultValue 'total' */
  mode?: ChartMode;
  /** Value axis scale. On `log`, zero and negative values sit on the axis floor. @defaultValue 'linear' */
  scale?: ChartScale;
  /** Real time, or hours since each series began (to compare videos posted at different times). @defaultValue 'time' */
  align?: ChartAlign;
  /** Height of the plot in px. @defaultValue 280 */
  height?: number;
  /** Fixed width in px; without it the chart follows its container's width. */
  width?: number;
  /** Ids of series hidden through the legend (controlled). */
  hiddenSeries?: readonly string[];
  /** Ids of series hidden at first (uncontrolled). */
  defaultHiddenSeries?: readonly string[];
  /** Called with the new hidden ids when a legend button is pressed. */
  onHiddenSeriesChange?: (hidden: string[]) => void;
  /** Name of downloaded files, without extension. @defaultValue 'snapshot-chart' */
  fileName?: string;
  /** Replacements for any of the shared or chart strings (`chart*` keys). */
  labels?: Partial<Labels>;
}

const EMPTY: readonly string[] = [];
const NO_SERIES: readonly PlotSeries[] = [];
// used until the container is measured, and where it cannot be (SSR, jsdom)
const FALLBACK_WIDTH = 640;

/**
 * A line chart of snapshot series, drawn from props (no data fetching): totals or per-hour
 * change, linear or log scale, real time or hours since start. Crosshair tooltip with exact
 * values (pointer or arrow keys), legend toggles, an accessible summary, a hidden data table,
 * SVG and PNG downloads. Sized by its container; long series are downsampled to the pixel width.
 */
export function SnapshotChartView(props: SnapshotChartViewProps) {
  const {
    series,
    status = 'success',
    mode = 'total',
    scale = 'linear',
    align = 'time',
    height = 280,
  } = props;
  const ui = useUi(props);
  const { format, labels } = ui;
  const all = useMemo(() => toPlotSeries(series, mode, align), [series, mode, align]);
  // an error or a pending status wins over series the chart already has (hasData false); drawable
  // points, so a single snapshot in per-hour mode (no change yet) is empty too
  const state = viewState(
    status,
    false,
    all.some((s) => s.xs.length > 0),
  );
  const root = useRootProps('SnapshotChart', ui, props, state, chartRoot);
  const [measureRef, measured, sized] = useContainerWidth(FALLBACK_WIDTH);
  const width = props.width ?? measured;
  const summaryId = useId();
  const titleId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const rootRef = useRef<HTMLElement>(null);

  const [ownHidden, setOwnHidden] = useState<readonly string[]>(props.defaultHiddenSeries ?? EMPTY);
  const hiddenIds = props.hiddenSeries ?? ownHidden;
  const hidden = useMemo(() => new Set(hiddenIds), [hiddenIds]);
  const { onHiddenSeriesChange } = props;
  const controlled = props.hiddenSeries !== undefined;
  const toggle = useCallback(
    (id: string) => {
      const next = hiddenIds.includes(id) ? hiddenIds.filter((h) => h !== id) : [...hiddenIds, id];
      if (!controlled) setOwnHidden(next);
      onHiddenSeriesChange?.(next);
    },
    [hiddenIds, controlled, onHiddenSeriesChange],
  );

  const visible = useMemo(() => all.filter((s) => !hidden.has(s.id) && s.xs.length > 0), [all, hidden]);
  // the hidden table is the heaviest part of the DOM: it follows once the lines are on screen
  const tableSeries = useAfterPaint(visible, NO_SERIES);

  const heading =
    props.title === undefined
      ? undefined
      : mode === 'perHour'
        ? labels.chartPerHour(props.title)
        : props.title;
  // what the summary and the hidden table call the values
  const name = heading ?? labels.chartValue;
  const summary = useMemo(() => {
    if (state !== 'ready') return '';
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    for (const s of visible) {
      from = Math.min(from, s.xs[0] ?? from);
      to = Math.max(to, s.xs[s.xs.length - 1] ?? to);
    }
    const edge = (x: number) =>
      align === 'time' ? format.dateTime(x) : formatHoursSinceStart(x, format.locale);
    // every visible series has points
    const latest = visible
      .map((s) => `${s.label}: ${compactText(s.point(s.xs.length - 1), mode, format)}`)
      .join(', ');
    return [
      visible.length > 0 ? labels.chartSummary(name, visible.length, edge(from), edge(to)) : '',
      latest ? labels.chartLatest(latest) : '',
      scale === 'log' ? labels.chartLogScale : '',
    ]
      .filter(Boolean)
      .join(' ');
  }, [state, visible, align, format, mode, name, labels, scale]);

  const fileName = props.fileName ?? 'snapshot-chart';
  const background = () => {
    const element = rootRef.current;
    return element ? getComputedStyle(element).backgroundColor : undefined;
  };
  const onSvg = () => {
    if (svgRef.current) downloadSvg(svgRef.current, background(), fileName);
  };
  const onPng = () => {
    // an image that fails to decode leaves nothing to save; the SVG button still works
    if (svgRef.current) downloadPng(svgRef.current, background(), fileName).catch(() => undefined);
  };

  let body: ReactNode;
  if (state !== 'ready') {
    body = stateBody(
      state,
      props,
      ui,
      () => (
        // the plot's height and the footer row's: the layout does not jump when the data arrives
        <Skeleton
          label={labels.loading}
          lines={['100%', '40%']}
          heights={[`${height}px`, `${FOOTER_HEIGHT}px`]}
        />
      ),
      labels.chartEmpty,
    );
  } else if (!sized && props.width === undefined) {
    // never painted: the container is measured as it is attached and the plot drawn at that width
    body = <div style={{ height }} />;
  } else {
    body = (
      <>
        <ChartPlot
          series={visible}
          width={width}
          height={height}
          mode={mode}
          scale={scale}
          align={align}
          format={format}
          label={labels.chartPlot}
          describedBy={summaryId}
          hoursSinceStartLabel={labels.chartHoursSinceStart}
          notAvailable={labels.notAvailable}
          svgRef={svgRef}
        />
        <ChartTable
          series={tableSeries}
          mode={mode}
          align={align}
          format={format}
          caption={labels.chartTableCaption(name)}
          seriesHeader={labels.chartSeries}
          timeHeader={align === 'time' ? labels.time : labels.chartHoursSinceStart}
          valueHeader={name}
          sampledNote={labels.chartTableSampled}
        />
      </>
    );
  }

  return (
    <figure {...root} ref={rootRef} aria-labelledby={heading !== undefined ? titleId : summaryId}>
      <figcaption className={caption}>
        {heading !== undefined ? (
          <span id={titleId} className={titleClass}>
            {heading}
          </span>
        ) : null}
        <span id={summaryId} className={visuallyHidden} data-part="summary">
          {summary}
        </span>
      </figcaption>
      <div ref={measureRef} className={full}>
        {body}
      </div>
      {state === 'ready' ? (
        <div className={footer}>
          {all.length > 0 ? (
            <ChartLegend series={all} hidden={hidden} onToggle={toggle} label={labels.chartLegend} />
          ) : null}
          {/* "Download [SVG] [PNG]": two short buttons fit beside each other at 320 px */}
          <div className={actions} data-part="actions">
            <span className={actionsLabel} aria-hidden="true">
              {labels.chartDownload}
            </span>
            <button
              type="button"
              className={button.secondary}
              onClick={onSvg}
              aria-label={labels.chartDownloadSvg}
              data-part="download-svg"
            >
              SVG
            </button>
            <button
              type="button"
              className={button.secondary}
              onClick={onPng}
              aria-label={labels.chartDownloadPng}
              data-part="download-png"
            >
              PNG
            </button>
          </div>
        </div>
      ) : null}
    </figure>
  );
}
