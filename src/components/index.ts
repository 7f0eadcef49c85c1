// components: a connected component (reads the provider's hooks) and its pure view
export { VideoTracker, VideoTrackerView } from './VideoTracker.js';
export type { VideoTrackerProps, VideoTrackerViewProps } from './VideoTracker.js';

// shared UI settings
export { ContentStatsUiContext } from './internal/ui.js';
export type { ContentStatsUiSettings, UiProps } from './internal/ui.js';
export { defaultLabels } from './internal/labels.js';
export type { Labels } from './internal/labels.js';
export type { RootProps, ViewState } from './internal/Root.js';
export type { StateRenderProps } from './internal/stateProps.js';
