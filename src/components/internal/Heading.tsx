import type { ReactNode } from 'react';
import { headingWrap } from './root.css.js';

/** Level of a component's heading, to fit the host page's outline. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** A component's heading at the level the page needs (`<h2>` unless told). */
export function Heading({
  level = 2,
  className,
  children,
}: {
  level?: HeadingLevel | undefined;
  className: string;
  children: ReactNode;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={`${headingWrap} ${className}`} data-part="heading">
      {children}
    </Tag>
  );
}
