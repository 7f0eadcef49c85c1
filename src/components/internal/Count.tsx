import type { ReactNode } from 'react';
import { count as countClass } from './count.css.js';
import type { CountValue, Formatters } from './format.js';
import { visuallyHidden } from './root.css.js';

const SLOT = '\u0000';

/**
 * `wrap(text)` with the number in a `<bdi>`: in a right-to-left language the sign and digits of
 * "+1.2K/h" would otherwise trade places with the label's own words ("h/+1.2K").
 */
function isolate(wrap: ((text: string) => string) | undefined, text: string): ReactNode {
  if (!wrap) return text;
  const parts = wrap(SLOT).split(SLOT);
  if (parts.length !== 2) return wrap(text);
  return (
    <>
      {parts[0]}
      <bdi>{text}</bdi>
      {parts[1]}
    </>
  );
}

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
}

/**
 * A number in compact form (`1.2M`) with the exact value in its `title`, in text for screen readers,
 * and in a bubble on keyboard focus. Only abbreviated values are focusable: an exact one has nothing
 * more to show.
 */
export function Count({ value, format, kind = 'count', wrap, notAvailable }: CountProps) {
  if (value === null || value === undefined) {
    return (
      <span className={countClass} data-part="count">
        {notAvailable}
      </span>
    );
  }
  const isDelta = kind === 'delta';
  const shortValue = isDelta ? format.delta(value) : format.compact(value);
  const exactValue = isDelta ? format.deltaExact(value) : format.exact(value);
  // the title and focus bubble are plain text: Unicode isolates do there what <bdi> does below
  const exact = wrap ? wrap(`\u2068${exactValue}\u2069`) : exactValue;
  if (shortValue === exactValue) {
    return (
      <span className={countClass} data-part="count">
        {isolate(wrap, exactValue)}
      </span>
    );
  }
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: focus reveals the exact value to keyboard users
    <span className={countClass} data-part="count" title={exact} data-exact={exact} tabIndex={0}>
      <span aria-hidden="true">{isolate(wrap, shortValue)}</span>
      <span className={visuallyHidden}>{isolate(wrap, exactValue)}</span>
    </span>
  );
}
