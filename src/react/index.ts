'use client';

// query layer, for custom hooks and other frameworks
export * from '../query/index';
export type { ContentStatsProviderProps } from './ContentStatsProvider';
// provider
export { ContentStatsProvider } from './ContentStatsProvider';
export { useContentStats } from './context';
export type { MutationResult } from './internal/useMutationObserver';
export type { SnapshotsData, UseSnapshotsResult } from './useSnapshots';
// hooks
export { useSnapshots } from './useSnapshots';
export type { UseStopTrackingResult } from './useStopTracking';
export { useStopTracking } from './useStopTracking';
export type { UseTrackVideoResult } from './useTrackVideo';
export { useTrackVideo } from './useTrackVideo';
export type { UseUsageResult } from './useUsage';
export { useUsage } from './useUsage';
export type { UseVideoResult } from './useVideo';
export { useVideo } from './useVideo';
export type { UseVideosResult } from './useVideos';
export { useVideos } from './useVideos';
