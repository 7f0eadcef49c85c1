'use client';

// provider
export { ContentStatsProvider } from './ContentStatsProvider.js';
export type { ContentStatsProviderProps } from './ContentStatsProvider.js';
export { useContentStats } from './context.js';

// hooks
export { useSnapshots } from './useSnapshots.js';
export type { SnapshotsData, UseSnapshotsResult } from './useSnapshots.js';
export { useStopTracking } from './useStopTracking.js';
export type { UseStopTrackingResult } from './useStopTracking.js';
export { useTrackVideo } from './useTrackVideo.js';
export type { UseTrackVideoResult } from './useTrackVideo.js';
export { useUsage } from './useUsage.js';
export type { UseUsageResult } from './useUsage.js';
export { useVideo } from './useVideo.js';
export type { UseVideoResult } from './useVideo.js';
export { useVideos } from './useVideos.js';
export type { UseVideosResult } from './useVideos.js';
export type { MutationResult } from './internal/useMutationObserver.js';
export type { TrackVariables } from '../query/mutations.js';
export type { VideoData } from '../query/schedule.js';

// components and their pure views (styles: `contentstats-kit/styles.css`)
export * from '../components/index.js';

// themes: the --cs-* contract, light/dark/auto, and helpers for brand overrides
export {
  autoTheme,
  darkTheme,
  darkTokens,
  lightTheme,
  lightTokens,
  seriesColors,
  themeClass,
  themeStyle,
  vars,
} from '../theme/index.js';
export type { ThemeName, ThemeOverrides, ThemeProp, ThemeTokens } from '../theme/index.js';

// the framework-agnostic layer (option builders, keys, schedule) is `contentstats-kit/query`
