/** A count as the API gives it after parsing: exact `bigint`, or a `number` for derived values. */
export type CountValue = bigint | number;

/** Locale-aware formatters for everything the components display. */
export interface Formatters {
  /** The locale asked for (`undefined` = the viewer's). */
  readonly locale: string | undefined;
  /**
   * Compact count: `1.2M`. From 10^15 on it is the exact grouped count: "9007.2T" on every row
   * would hide the differences between neighbours, and nobody reads trillions of thousands.
   */
  compact(value: CountValue): string;
  /** Exact count with grouping: `1,234,567` (bigints stay exact above 2^53). */
  exact(value: CountValue): string;
  /** Signed compact change, `+1.2K` (`0` unsigned); signed exact from 10^15 on, as `compact`. */
  delta(value: CountValue): string;
  /** Signed exact change, `+1,234.5` (bigints stay exact). */
  deltaExact(value: CountValue): string;
  /** A ratio as a percentage: `0.0523` → `5.23%`. */
  percent(ratio: number): string;
  /**
   * USD, one rule everywhere: whole cents from $1 on (`$84.87`, `$100.00`); below $1 a third
   * decimal when there is one, as prices per snapshot need it (`$0.015`, `$0.36`).
   */
  money(usd: number): string;
  /** USD to the mill (`$84.865`), for two amounts that `money` would show alike. */
  moneyExact(usd: number): string;
  /** Plain number with grouping (small integers: minutes, days, limits). */
  number(value: number): string;
  /** Date and time in the viewer's time zone. */
  dateTime(ms: number): string;
  /** Short date in the viewer's time zone. */
  date(ms: number): string;
  /** Short date and time for axis-like labels. */
  shortDateTime(ms: number): string;
}

const cache = new Map<string, Formatters>();

const HUGE = 10n ** 15n;

/** `true` from 10^15 on (either sign), where a compact form stops telling counts apart. */
export function isHugeCount(value: CountValue): boolean {
  return typeof value === 'bigint' ? value >= HUGE || value <= -HUGE : Math.abs(value) >= 1e15;
}

function create(locale: string | undefined): Formatters {
  const numberFormat = (options: Intl.NumberFormatOptions) => intlFormat('NumberFormat', locale, options);
  const dateFormat = (options: Intl.DateTimeFormatOptions) => intlFormat('DateTimeFormat', locale, options);
  const compact = numberFormat({ notation: 'compact', maximumFractionDigits: 1 });
  const exact = numberFormat({ maximumFractionDigits: 0 });
  const delta = numberFormat({ notation: 'compact', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const deltaExact = numberFormat({ maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const percent = numberFormat({ style: 'percent', maximumFractionDigits: 2 });
  const money = numberFormat({
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // balances are kept to the mill: a third digit where it is the price (below $1) or asked for
  const mills = numberFormat({
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 3,
  });
  const number = numberFormat({ maximumFractionDigits: 1 });
  const dateTime = dateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const date = dateFormat({ dateStyle: 'medium' });
  const shortDateTime = dateFormat({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  // an Intl formatter's `format` is a getter that returns a function bound to it
  return {
    locale,
    compact: (value) => (isHugeCount(value) ? exact : compact).format(value),
    exact: exact.format,
    delta: (value) => (isHugeCount(value) ? deltaExact : delta).format(value),
    deltaExact: deltaExact.format,
    percent: percent.format,
    money: (usd) => (Math.abs(usd) < 1 ? mills : money).format(usd),
    moneyExact: mills.format,
    number: number.format,
    dateTime: dateTime.format,
    date: date.format,
    shortDateTime: shortDateTime.format,
  };
}

/**
 * Formatters for `locale`, made once per locale: building an `Intl` formatter costs far more than
 * using one, and a table formats thousands of cells. An invalid locale tag formats as the viewer's.
 */
export function getFormatters(locale: string | undefined): Formatters {
  const key = locale ?? '';
  let formatters = cache.get(key);
  if (!formatters) {
    formatters = create(locale);
    cache.set(key, formatters);
  }
  return formatters;
}

const intlCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/**
 * An `Intl.NumberFormat` or `Intl.DateTimeFormat` for `locale` and `options`, made once (axis
 * labels and table rows format thousands of values); an invalid locale tag falls back to the
 * viewer's locale instead of throwing.
 */
export function intlFormat(
  kind: 'NumberFormat',
  locale: string | undefined,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat;
export function intlFormat(
  kind: 'DateTimeFormat',
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat;
export function intlFormat(
  kind: 'NumberFormat' | 'DateTimeFormat',
  locale: string | undefined,
  options: Intl.NumberFormatOptions & Intl.DateTimeFormatOptions,
): Intl.NumberFormat | Intl.DateTimeFormat {
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`;
  let format = intlCache.get(key);
  if (!format) {
    const Format = Intl[kind] as new (
      locale: string | undefined,
      options: object,
    ) => Intl.NumberFormat | Intl.DateTimeFormat;
    try {
      format = new Format(locale, options);
    } catch {
      format = new Format(undefined, options);
    }
    intlCache.set(key, format);
  }
  return format;
}

/** A time as an ISO 8601 string in UTC, for exports and `<time dateTime>`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
