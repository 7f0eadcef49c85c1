import type { ReactNode } from 'react';
import type { ContentStatsError } from '../../client/errors.js';
import { EmptyState } from './EmptyState.js';
import { ErrorState } from './ErrorState.js';
import type { Formatters } from './format.js';
import type { Labels } from './labels.js';
import type { ViewState } from './Root.js';
import type { StateRenderProps } from './stateProps.js';

/** The props of a view that {@link stateBody} reads. */
export interface StateBodyProps extends StateRenderProps {
  error?: ContentStatsError | null | undefined;
  onRetry?: (() => void) | undefined;
}

/**
 * What a view shows instead of its content, the same rule for every component: while loading,
 * after an error, or with nothing to show, the caller's render prop when one is given, else the
 * built-in skeleton, error state or empty message.
 */
export function stateBody(
  state: Exclude<ViewState, 'ready'>,
  props: StateBodyProps,
  ui: { labels: Labels; format: Formatters },
  skeleton: () => ReactNode,
  emptyMessage: string,
): ReactNode {
  const { error, onRetry } = props;
  if (state === 'loading') return props.renderLoading ? props.renderLoading() : skeleton();
  if (state === 'error') {
    return props.renderError && error ? (
      props.renderError(error, onRetry ?? (() => {}))
    ) : (
      <ErrorState error={error} retry={onRetry} labels={ui.labels} format={ui.format} />
    );
  }
  return props.renderEmpty ? props.renderEmpty() : <EmptyState message={emptyMessage} />;
}
