/**
 * The chart's user-visible strings, in English. Replace any of them through `labels` on the
 * chart or on `<ContentStatsProvider>`. Values arrive formatted for the locale.
 */
export interface ChartLabels {
  /** Accessible name of the plot, with the keyboard hint. */
  chartPlot: string;
  /** Accessible name of the legend. */
  chartLegend: string;
  /** Visible word before the two download buttons (which read `SVG` and `PNG`). */
  chartDownload: string;
  /** Accessible name of the SVG download button. */
  chartDownloadSvg: string;
  /** Accessible name of the PNG download button. */
  chartDownloadPng: string;
  /** Axis and column name of `align="sinceStart"`. */
  chartHoursSinceStart: string;
  chartSeries: string;
  chartValue: string;
  chartEmpty: string;
  /** Suffix of a per-hour title: `Views` → `Views per hour`. */
  chartPerHour: (title: string) => string;
  /** Opening sentence of the accessible summary. */
  chartSummary: (title: string, count: number, from: string, to: string) => string;
  /** Latest value of each series; `values` is a list such as `A: 1.2M, B: 300`. */
  chartLatest: (values: string) => string;
  chartLogScale: string;
  /** Caption of the visually hidden data table. */
  chartTableCaption: (title: string) => string;
  /** When the hidden table shows a sample of a long series; both counts formatted. */
  chartTableSampled: (shown: string, total: string) => string;
}

/** The chart's English labels. */
export const defaultChartLabels: ChartLabels = {
  chartPlot: 'Chart. Left and right arrow keys move the crosshair; with Shift, by a day.',
  chartLegend: 'Series shown',
  chartDownload: 'Download',
  chartDownloadSvg: 'Download SVG',
  chartDownloadPng: 'Download PNG',
  chartHoursSinceStart: 'Hours since tracking began',
  chartSeries: 'Series',
  chartValue: 'Value',
  chartEmpty: 'No snapshots to chart yet. The first one is taken within the hour.',
  chartPerHour: (title) => `${title} per hour`,
  chartSummary: (title, count, from, to) =>
    `Line chart of ${title.toLowerCase()}, ${count} ${count === 1 ? 'series' : 'series'}, from ${from} to ${to}.`,
  chartLatest: (values) => `Latest: ${values}.`,
  chartLogScale: 'Logarithmic scale.',
  chartTableCaption: (title) => `${title}, every snapshot`,
  chartTableSampled: (shown, total) =>
    `Showing ${shown} of ${total} points, sampled evenly with the extremes kept.`,
};
