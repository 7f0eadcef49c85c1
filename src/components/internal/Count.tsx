import { count as countClass } from './count.css.js';
import type { CountValue, Formatters } from './format.js';
import { visuallyHidden } from './root.css.js';

/** Props of {@link Count}. */
export interface CountProps {
  /** The value; `null`/`undefined` shows `notAvailable`. */
  value: CountValue | null | undefined;
  format: Formatters;
  /** `count` (default) for totals, `delta` for signed changes. */
  kind?: 'count' | 'delta' | undefined;
  /** Wraps both the compact and the exact text, e.g. `labels.perHour`. */
  wrap?: ((text: string) => string) | undefined;
  /** Shown for a missing value. */
  notAvailable: string;
  className?: string | undefined;
  /** `data-part` name. @defaultValue 'count' */
  part?: string | undefined;
}

/**
 * A number in compact form (`1.2M`) with the exact value in its `title`, in text for screen readers,
 * and in a bubble on keyboard focus. Only abbreviated values are focusable: an exact one has nothing
 * more to show.
 */
export function Count({
  value,
  format,
  kind = 'count',
  wrap,
  notAvailable,
  className,
  part = 'count',
}: CountProps) {
  const classes = className ? `${countClass} ${className}` : countClass;
  if (value === null || value === undefined) {
    return (
      <span className={classes} data-part={part}>
        {notAvailable}
      </span>
    );
  }
  const w = wrap ?? ((text: string) => text);
  const isDelta = kind === 'delta';
  const short = w(isDelta ? format.delta(value) : format.compact(value));
  const exact = w(isDelta ? format.deltaExact(value) : format.exact(value));
  if (short === exact) {
    return (
      <span className={classes} data-part={part}>
        {exact}
      </span>
    );
  }
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: focus reveals the exact value to keyboard users
    <span className={classes} data-part={part} title={exact} data-exact={exact} tabIndex={0}>
      <span aria-hidden="true">{short}</span>
      <span className={visuallyHidden}>{exact}</span>
    </span>
  );
}
