// contentstats-kit/embed: the elements for bundler users; nothing is registered until defineElements()

export { ContentStatsConfigElement } from './ConfigElement.js';
export { ContentStatsElement, type EmbedTheme } from './ContentStatsElement.js';
export type { PageConfig as EmbedDefaults } from './config.js';
export { defineElements } from './define.js';
export { ContentStatsChartElement } from './elements/ChartElement.js';
export { ContentStatsSummaryElement } from './elements/SummaryElement.js';
export { ContentStatsTableElement } from './elements/TableElement.js';
export { ContentStatsTrackerElement } from './elements/TrackerElement.js';
export { ContentStatsUsageElement } from './elements/UsageElement.js';
export { ContentStatsVideosElement } from './elements/VideosElement.js';
export type {
  ContentStatsErrorDetail,
  ContentStatsErrorSource,
  ContentStatsEventMap,
  ContentStatsLoadDetail,
  ContentStatsTrackedDetail,
} from './events.js';
export type {} from './globals.js';
