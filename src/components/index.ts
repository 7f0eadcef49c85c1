// components: each a connected component (reads the provider's hooks) and its pure view
export { VideoTracker, VideoTrackerView } from './VideoTracker.js';
export type { VideoTrackerProps, VideoTrackerViewProps } from './VideoTracker.js';
export { SnapshotTable, SnapshotTableView, snapshotsToCsv } from './SnapshotTable.js';
export type {
  SnapshotColumn,
  SnapshotSort,
  SnapshotTableProps,
  SnapshotTableViewProps,
} from './SnapshotTable.js';
export { MetricSummary, MetricSummaryView } from './MetricSummary.js';
export type { MetricSummaryProps, MetricSummaryViewProps } from './MetricSummary.js';
export { UsageMeter, UsageMeterView } from './UsageMeter.js';
export type { UsageMeterProps, UsageMeterViewProps } from './UsageMeter.js';
export { VideoList, VideoListView } from './VideoList.js';
export type { VideoListProps, VideoListViewProps } from './VideoList.js';
export {
  SnapshotChart,
  SnapshotChartView,
  seriesFromPoints,
  defaultChartLabels,
  type SnapshotChartProps,
  type SnapshotChartSource,
  type SnapshotChartViewProps,
  type ChartSeries,
  type ChartPoint,
  type ChartMode,
  type ChartScale,
  type ChartAlign,
  type ChartLabels,
} from './SnapshotChart.js';

// labels and the props every component shares (theme, locale and labels also come from the provider)
export { defaultLabels } from './internal/labels.js';
export type { Labels } from './internal/labels.js';
export type { UiProps } from './internal/ui.js';
export type { RootProps, ViewState } from './internal/Root.js';
export type { StateRenderProps } from './internal/stateProps.js';
