import { useRef } from 'react';
import type { ContentStatsError } from '../client/errors.js';
import type { Video } from '../client/types.js';
import type { MetricName } from '../metrics/series.js';
import type { UseSnapshotsResult } from '../react/useSnapshots.js';
import { CollectSnapshots } from './chart/CollectSnapshots.js';
import { seriesFromPoints } from './chart/data.js';
import type { ChartSeries } from './chart/types.js';
import { videoLabel } from './chart/videoLabel.js';
import { useUi } from './internal/ui.js';
import { SnapshotChartView, type SnapshotChartViewProps } from './SnapshotChartView.js';

/** Where a {@link SnapshotChart} reads its series from. */
export type SnapshotChartSource =
  | {
      /** One video, several metrics. */
      videoId: string;
      /** @defaultValue ['views', 'likes', 'comments', 'shares'] */
      metrics?: readonly MetricName[];
      videoIds?: undefined;
      metric?: undefined;
    }
  | {
      /** Several videos, one metric. */
      videoIds: readonly string[];
      /** @defaultValue 'views' */
      metric?: MetricName;
      videoId?: undefined;
      metrics?: undefined;
    };

/** Props of {@link SnapshotChart}. */
export type SnapshotChartProps = SnapshotChartSource &
  Omit<SnapshotChartViewProps, 'series' | 'status' | 'error' | 'onRetry'> & {
    /** Legend name of a video (with `videoIds`). @defaultValue `@handle · …123456` from its link */
    seriesLabel?: (video: Video) => string;
    /**
     * Value axis scale. Several metrics of one video default to `log`: views run hundreds of
     * times above likes, comments and shares, which a shared linear axis flattens onto zero.
     * @defaultValue 'log' for several metrics of one video (`videoId`), else 'linear'
     */
    scale?: SnapshotChartViewProps['scale'];
  };

export { seriesFromPoints } from './chart/data.js';
export { type ChartLabels, defaultChartLabels } from './chart/labels.js';
export type { ChartAlign, ChartMode, ChartPoint, ChartScale, ChartSeries } from './chart/types.js';
export { SnapshotChartView, type SnapshotChartViewProps } from './SnapshotChartView.js';

const DEFAULT_METRICS: readonly MetricName[] = ['views', 'likes', 'comments', 'shares'];

/**
 * The snapshot chart connected to `<ContentStatsProvider>`: several metrics of one video
 * (`videoId` + `metrics`) or one metric across videos (`videoIds` + `metric`), kept fresh by
 * `useSnapshots`. Everything else is {@link SnapshotChartView}.
 */
export function SnapshotChart(props: SnapshotChartProps) {
  const ids = props.videoIds ?? [props.videoId];
  return <CollectSnapshots ids={ids} render={(results) => <Connected {...props} results={results} />} />;
}

function Connected({ results, ...props }: SnapshotChartProps & { results: UseSnapshotsResult[] }) {
  const { labels } = useUi(props);
  const { videoIds, videoId, metric = 'views', metrics = DEFAULT_METRICS, seriesLabel, ...viewProps } = props;
  const scale = viewProps.scale ?? (videoIds === undefined && metrics.length > 1 ? 'log' : 'linear');
  const series = useSeries(
    results,
    (datas) => {
      const out: ChartSeries[] = [];
      if (videoIds === undefined) {
        const data = datas[0];
        if (!data) return out;
        for (const m of metrics) {
          const s = seriesFromPoints(data.points, m, { id: m, label: labels[m], start: startOf(data.video) });
          // a metric the provider never reports (shares, saves) would be an empty legend entry
          if (s.points.some((p) => p.value !== null)) out.push(s);
        }
        return out;
      }
      datas.forEach((data, i) => {
        if (!data) return;
        out.push(
          seriesFromPoints(data.points, metric, {
            id: videoIds[i] ?? data.video.id,
            label: seriesLabel ? seriesLabel(data.video) : videoLabel(data.video),
            start: startOf(data.video),
          }),
        );
      });
      return out;
      // joined: inline arrays in props are new on every render but mean the same series
    },
    [labels, metric, metrics.join(','), seriesLabel, videoIds?.join(',')],
  );

  // a failed video without data fails the chart; one that fails a refetch keeps its last data
  const failed = results.filter((r) => r.status === 'error' && r.data === undefined);
  const pending = results.some((r) => r.status === 'pending');
  const status = failed.length > 0 ? 'error' : pending ? 'pending' : 'success';
  const error: ContentStatsError | null = failed[0]?.error ?? null;
  const onRetry = () => {
    for (const r of failed) void r.refetch();
  };
  const title =
    viewProps.title ??
    (videoIds === undefined
      ? // the metrics actually charted: one the provider never reports has no series
        (series.length > 0 ? series.map((s) => s.label) : metrics.map((m) => labels[m])).join(', ')
      : labels[metric]);
  return (
    <SnapshotChartView
      {...viewProps}
      scale={scale}
      title={title}
      series={series}
      status={status}
      error={error}
      onRetry={onRetry}
    />
  );
}

function startOf(video: Video): number | undefined {
  const start = Date.parse(video.created_at ?? '');
  return Number.isFinite(start) ? start : undefined;
}

type Datas = ReadonlyArray<UseSnapshotsResult['data']>;

/** Rebuilds the series only when a video's data or an input changes, not on every status tick. */
function useSeries(results: UseSnapshotsResult[], build: (datas: Datas) => ChartSeries[], deps: unknown[]) {
  const last = useRef<{ inputs: unknown[]; series: ChartSeries[] } | null>(null);
  const datas = results.map((r) => r.data);
  // the deps come first and are always as many: the same inputs are the same data and deps
  const inputs = [...deps, ...datas];
  const previous = last.current;
  const series =
    previous &&
    previous.inputs.length === inputs.length &&
    previous.inputs.every((input, i) => Object.is(input, inputs[i]))
      ? previous.series
      : build(datas);
  // a render-time cache, like useMemo with a variable number of inputs
  last.current = { inputs, series };
  return series;
}
