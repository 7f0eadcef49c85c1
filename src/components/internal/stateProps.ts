import type { ReactNode } from 'react';
import type { ContentStatsError } from '../../client/errors.js';

/** Render props that replace a component's built-in states. */
export interface StateRenderProps {
  /** Replaces the loading skeleton. */
  renderLoading?: () => ReactNode;
  /** Replaces the empty state. */
  renderEmpty?: () => ReactNode;
  /** Replaces the error state; `retry` repeats the failed request. */
  renderError?: (error: ContentStatsError, retry: () => void) => ReactNode;
}
