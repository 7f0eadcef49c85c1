import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import type { ContentStatsError } from '../client/errors.js';
import {
  METRICS,
  type MetricName,
  type SnapshotDelta,
  type SnapshotPoint,
  toDeltas,
} from '../metrics/series.js';
import { useSnapshots } from '../react/useSnapshots.js';
import { Count } from './internal/Count.js';
import { button, field } from './internal/controls.css.js';
import { type CsvValue, downloadText, toCsv } from './internal/csv.js';
import { isoTime } from './internal/format.js';
import { type HeadingLevel, headingOf } from './internal/Heading.js';
import type { Labels } from './internal/labels.js';
import { offlineAware } from './internal/offline.js';
import { type RootProps, useRootProps, viewState } from './internal/Root.js';
import { visuallyHidden } from './internal/root.css.js';
import { Skeleton } from './internal/Skeleton.js';
import { stateBody } from './internal/stateBody.js';
import type { StateRenderProps } from './internal/stateProps.js';
import { type UiProps, useUi } from './internal/ui.js';
import { useScrollEdges } from './internal/useScrollEdges.js';
import * as css from './SnapshotTable.css.js';

/** A column of the table: the time, a metric's total, or a metric's per-hour change. */
export type SnapshotColumn = 'time' | MetricName | `${MetricName}PerHour`;

/** Sort order of the table. */
export interface SnapshotSort {
  column: SnapshotColumn;
  direction: 'ascending' | 'descending';
}

/** Props of {@link SnapshotTableView}. */
export interface SnapshotTableViewProps extends UiProps, RootProps, StateRenderProps {
  /** Snapshot points (any order; `useSnapshots(id).data.points`). `undefined` while loading. */
  points?: readonly SnapshotPoint[] | undefined;
  /** Per-hour changes aligned with `points[1..]`; computed from `points` when absent. */
  deltas?: readonly SnapshotDelta[] | undefined;
  /** State of the data. @defaultValue 'success' when `points` are given, else 'pending' */
  status?: 'pending' | 'error' | 'success' | undefined;
  error?: ContentStatsError | null | undefined;
  /** Repeats the failed request. */
  onRetry?: (() => void) | undefined;
  /** Metrics shown as totals. @defaultValue all five */
  metrics?: readonly MetricName[] | undefined;
  /** Metrics that also get a per-hour change column. @defaultValue ['views', 'likes'] */
  deltaMetrics?: readonly MetricName[] | undefined;
  /** Initial sort. @defaultValue newest first */
  defaultSort?: SnapshotSort | undefined;
  /** Page sizes offered. @defaultValue [25, 50, 100, 250] */
  pageSizes?: readonly number[] | undefined;
  /** Initial page size. @defaultValue 50 */
  defaultPageSize?: number | undefined;
  /** Height of the scrolling area; the header row stays in view. @defaultValue '448px' */
  maxHeight?: string | undefined;
  /** File name of the CSV export. @defaultValue 'snapshots.csv' */
  fileName?: string | undefined;
  /** Receives the CSV text instead of the browser download, e.g. to upload it. */
  onExport?: ((csv: string) => void) | undefined;
  /** Heading; `null` hides it (the table keeps its caption). @defaultValue labels.tableCaption */
  heading?: string | null | undefined;
  /** Level of the heading, to fit the page's outline. @defaultValue 2 */
  headingLevel?: HeadingLevel | undefined;
}

interface Row {
  point: SnapshotPoint;
  delta: SnapshotDelta | null;
}

const HEADER: readonly string[] = [
  'snapshot_time',
  ...METRICS,
  ...METRICS.map((metric) => `${metric}_per_hour`),
  'provider',
  'snapshot_id',
];

function provider(point: SnapshotPoint): string | undefined {
  const value = (point.snapshot as { provider?: unknown }).provider;
  return typeof value === 'string' ? value : undefined;
}

function snapshotId(point: SnapshotPoint): string | undefined {
  const value = (point.snapshot as { snapshot_id?: unknown }).snapshot_id;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Snapshots as CSV, oldest first: ISO 8601 times in UTC, exact counts (digits, also above 2^53),
 * per-hour changes, and text cells that cannot run as spreadsheet formulas.
 */
export function snapshotsToCsv(points: readonly SnapshotPoint[], deltas?: readonly SnapshotDelta[]): string {
  const rows = buildRows(points, deltas);
  return toCsv(
    HEADER,
    rows.map(({ point, delta }): CsvValue[] => [
      isoTime(point.time),
      ...METRICS.map((metric) => point.exact[metric]),
      ...METRICS.map((metric) => delta?.perHour[metric] ?? null),
      provider(point),
      snapshotId(point),
    ]),
  );
}

function buildRows(points: readonly SnapshotPoint[], deltas?: readonly SnapshotDelta[]): Row[] {
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const aligned = deltas && deltas.length === sorted.length - 1 ? deltas : toDeltas(sorted);
  return sorted.map((point, i) => ({ point, delta: i === 0 ? null : (aligned[i - 1] ?? null) }));
}

function sortValue(row: Row, column: SnapshotColumn): number | bigint | null {
  if (column === 'time') return row.point.time;
  if (column.endsWith('PerHour')) {
    const metric = column.slice(0, -'PerHour'.length) as MetricName;
    return row.delta?.perHour[metric] ?? null;
  }
  return row.point.exact[column as MetricName];
}

function compare(a: number | bigint | null, b: number | bigint | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function columnLabel(column: SnapshotColumn, labels: Labels): string {
  if (column === 'time') return labels.time;
  if (column.endsWith('PerHour')) return labels.deltaColumn(labels[column.slice(0, -7) as MetricName]);
  return labels[column as MetricName];
}

/**
 * Snapshots of one video as a table: sortable columns, totals in compact form with the exact
 * value on hover and focus, per-hour changes, a sticky header, pages (fast at 10,000 rows) and a
 * CSV export of every row with exact counts.
 */
export function SnapshotTableView(props: SnapshotTableViewProps) {
  const {
    points,
    deltas,
    metrics = METRICS,
    deltaMetrics = ['views', 'likes'],
    defaultSort = { column: 'time', direction: 'descending' },
    pageSizes = [25, 50, 100, 250],
    defaultPageSize = 50,
    maxHeight = '448px',
    fileName = 'snapshots.csv',
    onExport,
  } = props;
  const ui = useUi(props);
  const [scrollerRef, edges] = useScrollEdges();
  const { labels, format } = ui;
  const id = useId();
  const [sort, setSort] = useState<SnapshotSort>(defaultSort);
  const [pageSize, setPageSize] = useState(defaultPageSize);
  const [page, setPage] = useState(0);

  const rows = useMemo(() => (points ? buildRows(points, deltas) : []), [points, deltas]);
  const sorted = useMemo(() => {
    const factor = sort.direction === 'ascending' ? 1 : -1;
    // nulls (metrics a provider does not report) stay last in both directions
    return [...rows].sort((a, b) => {
      const va = sortValue(a, sort.column);
      const vb = sortValue(b, sort.column);
      if (va === null || vb === null) return compare(va, vb);
      return factor * compare(va, vb) || b.point.time - a.point.time;
    });
  }, [rows, sort]);

  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const currentPage = Math.min(page, pageCount - 1);
  useEffect(() => {
    if (page !== currentPage) setPage(currentPage);
  }, [page, currentPage]);
  const start = currentPage * pageSize;
  const visible = sorted.slice(start, start + pageSize);

  const columns: SnapshotColumn[] = [
    'time',
    ...metrics.flatMap((metric): SnapshotColumn[] =>
      deltaMetrics.includes(metric) ? [metric, `${metric}PerHour`] : [metric],
    ),
  ];

  const state = viewState(props.status, Boolean(points), rows.length > 0);
  const rootProps = useRootProps('SnapshotTable', ui, props, state);

  let body: ReactNode;
  if (state !== 'ready') {
    body = stateBody(
      state,
      props,
      ui,
      () => (
        <Skeleton label={labels.loading} lines={['100%', '100%', '100%', '100%', '70%']} lineHeight="1.6em" />
      ),
      labels.tableEmpty,
    );
  } else {
    const toggle = (column: SnapshotColumn) => {
      setSort((current) =>
        current.column === column
          ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
          : // a new column starts with the newest or largest first, what people look for
            { column, direction: 'descending' },
      );
      setPage(0);
    };
    body = (
      <>
        {/* a group, not a second landmark named like the section around it; focusable so keyboard
            users can scroll it */}
        {/* shadows at the edges with more columns behind them (the per-hour column at 320 px) */}
        <div
          className={css.scrollFrame}
          data-more-start={edges.start || undefined}
          data-more-end={edges.end || undefined}
        >
          {/* biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls, this is a scroller */}
          <div
            ref={scrollerRef}
            className={css.scroller}
            style={{ maxHeight }}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the region
            tabIndex={0}
            role="group"
            aria-labelledby={`${id}-caption`}
            data-part="scroller"
          >
            <table className={css.table} data-part="table">
              <caption id={`${id}-caption`} className={visuallyHidden}>
                {labels.tableCaption}
              </caption>
              <thead>
                <tr>
                  {columns.map((column) => {
                    const active = sort.column === column;
                    return (
                      <th
                        key={column}
                        scope="col"
                        className={css.headCell}
                        aria-sort={active ? sort.direction : undefined}
                        data-part="column-header"
                        data-column={column}
                      >
                        <button type="button" className={css.sortButton} onClick={() => toggle(column)}>
                          {columnLabel(column, labels)}
                          <span className={css.sortIcon} aria-hidden="true">
                            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {visible.map(({ point, delta }) => (
                  <tr key={snapshotId(point) ?? point.time} data-part="row">
                    <th scope="row" className={css.rowHead}>
                      <time dateTime={isoTime(point.time)} title={format.dateTime(point.time)}>
                        {format.shortDateTime(point.time)}
                      </time>
                    </th>
                    {columns.slice(1).map((column) =>
                      column.endsWith('PerHour') ? (
                        <td key={column} className={css.deltaCell}>
                          <Count
                            value={delta?.perHour[column.slice(0, -7) as MetricName] ?? null}
                            kind="delta"
                            wrap={labels.perHour}
                            format={format}
                            notAvailable={labels.notAvailable}
                          />
                        </td>
                      ) : (
                        <td key={column} className={css.numberCell}>
                          <Count
                            value={point.exact[column as MetricName]}
                            format={format}
                            notAvailable={labels.notAvailable}
                          />
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div className={css.pager} data-part="pager">
          <span className={css.pageStatus} aria-live="polite">
            {labels.pageStatus(
              format.number(start + 1),
              format.number(start + visible.length),
              format.number(sorted.length),
            )}
          </span>
          <button
            type="button"
            className={button.secondary}
            onClick={() => setPage(currentPage - 1)}
            disabled={currentPage === 0}
            data-part="previous-page"
          >
            {labels.previousPage}
          </button>
          <button
            type="button"
            className={button.secondary}
            onClick={() => setPage(currentPage + 1)}
            disabled={currentPage >= pageCount - 1}
            data-part="next-page"
          >
            {labels.nextPage}
          </button>
        </div>
      </>
    );
  }

  const exportCsv = () => {
    if (!points) return;
    const csv = snapshotsToCsv(points, deltas);
    if (onExport) onExport(csv);
    else downloadText(csv, fileName);
  };

  return (
    <div {...rootProps}>
      <div className={css.header}>
        {headingOf(props, labels.tableCaption, css.heading)}
        {state === 'ready' ? (
          <div className={css.toolbar}>
            <label className={css.pageSize}>
              {labels.rowsPerPage}
              <select
                className={`${field} ${css.select}`}
                value={pageSize}
                onChange={(event) => {
                  setPageSize(Number(event.target.value));
                  setPage(0);
                }}
                data-part="page-size"
              >
                {pageSizes.map((size) => (
                  <option key={size} value={size}>
                    {format.number(size)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={button.secondary} onClick={exportCsv} data-part="export">
              {labels.exportCsv}
            </button>
          </div>
        ) : null}
      </div>
      {body}
    </div>
  );
}

/** Props of {@link SnapshotTable}. */
export interface SnapshotTableProps
  extends Omit<SnapshotTableViewProps, 'points' | 'deltas' | 'status' | 'error' | 'onRetry'> {
  /** Id of the tracked video. */
  videoId: string;
}

/** The snapshots of a tracked video as a sortable, paged table with CSV export. */
export function SnapshotTable(props: SnapshotTableProps) {
  const { videoId, ...viewProps } = props;
  const snapshots = useSnapshots(videoId);
  return (
    <SnapshotTableView
      fileName={`snapshots-${videoId}.csv`}
      {...viewProps}
      points={snapshots.data?.points}
      deltas={snapshots.data?.deltas}
      {...offlineAware(snapshots)}
      onRetry={() => void snapshots.refetch()}
    />
  );
}
