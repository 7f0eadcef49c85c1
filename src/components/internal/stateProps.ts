import type { ReactNode } from 'react';
import type { ContentStatsError } from '../../client/errors.js';

/** Render props that replace a component's built-in states. */
export interface StateRenderProps {
  /** Replaces the loading skeleton. */
  renderLoading?: (() => ReactNode) | undefined;
  /** Replaces the empty state. */
  renderEmpty?: (() => ReactNode) | undefined;
  /** Replaces the error state; `retry` repeats the failed request. */
  renderError?: ((error: ContentStatsError, retry: () => void) => ReactNode) | undefined;
}
