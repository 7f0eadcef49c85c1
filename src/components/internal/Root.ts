import type { CSSProperties } from 'react';
import { root } from './root.css.js';
import type { ResolvedUi } from './ui.js';

/** What a component shows: drives `data-state` for styling and tests. */
export type ViewState = 'loading' | 'empty' | 'error' | 'ready';

/**
 * What a view shows, the same rule for every component: an error or a load only while there is no data
 * to show (data already on screen stays through a failed or pending refetch), then ready or empty.
 * Without a `status`, a view is pending until it has data.
 */
export function viewState(status: string | undefined, hasData: boolean, hasContent: boolean): ViewState {
  if (!hasData && status === 'error') return 'error';
  if (!hasData && (status ?? 'pending') === 'pending') return 'loading';
  return hasContent ? 'ready' : 'empty';
}

/** Root props every component takes. */
export interface RootProps {
  /** Added to the root's class names. */
  className?: string | undefined;
  /** Merged over the theme's custom properties on the root. */
  style?: CSSProperties | undefined;
}

/** Props to spread on a component's root element. */
export interface RootElementProps {
  className: string;
  style: CSSProperties;
  'data-state': ViewState;
  'data-part': string;
  'data-cs-component': string;
}

/**
 * Root attributes of a component: theme class, our base class, the user's `className` and
 * `style` (theme overrides first, so the user's style wins), `data-state` and `data-part="base"`.
 */
export function useRootProps(
  component: string,
  ui: ResolvedUi,
  props: RootProps,
  state: ViewState,
  ownClassName?: string,
): RootElementProps {
  const classes = [ui.theme.className, root, ownClassName, props.className].filter(Boolean).join(' ');
  return {
    className: classes,
    style: { ...ui.theme.style, ...props.style },
    'data-state': state,
    'data-part': 'base',
    'data-cs-component': component,
  };
}
