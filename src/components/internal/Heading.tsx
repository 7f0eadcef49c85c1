import type { ReactNode } from 'react';
import { headingWrap } from './root.css.js';

/** Level of a component's heading, to fit the host page's outline. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The heading props every component with a heading takes. */
export interface HeadingProps {
  heading?: string | null | undefined;
  headingLevel?: HeadingLevel | undefined;
}

/**
 * A component's heading at the level the page needs (`<h2>` unless told): its `heading` prop, or
 * `fallback` when that is not given; nothing when it is `null` or empty.
 */
export function headingOf(
  { heading, headingLevel = 2 }: HeadingProps,
  fallback: string,
  className: string,
): ReactNode {
  const text = heading === undefined ? fallback : heading;
  const Tag = `h${headingLevel}` as const;
  return text ? (
    <Tag className={`${headingWrap} ${className}`} data-part="heading">
      {text}
    </Tag>
  ) : null;
}
