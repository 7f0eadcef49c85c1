import { type CSSProperties, createContext, useContext, useMemo } from 'react';
import { type ThemeProp, themeClass, themeStyle } from '../../theme/index.js';
import { type Formatters, getFormatters } from './format.js';
import { defaultLabels, type Labels } from './labels.js';

/** UI settings a `<ContentStatsProvider>` hands to every component below it. */
export interface ContentStatsUiSettings {
  /** Theme name or partial override object. @defaultValue 'auto' */
  theme: ThemeProp;
  /** BCP 47 locale for numbers and dates; `undefined` follows the viewer. */
  locale: string | undefined;
  /** Replacements for any of the English labels. */
  labels: Partial<Labels>;
}

/** Props every component takes to override the provider's UI settings. */
export interface UiProps {
  /** Theme of this component; overrides the provider's. */
  theme?: ThemeProp | undefined;
  /** Locale of this component's numbers and dates; overrides the provider's. */
  locale?: string | undefined;
  /** Labels of this component; merged over the provider's. */
  labels?: Partial<Labels> | undefined;
}

/** A theme as what the root element takes. */
export interface ResolvedTheme {
  /** Theme class name to put on the root. */
  className: string;
  /** Custom properties of a theme override object (empty for a theme name). */
  style: CSSProperties;
}

/** What {@link useUi} resolves: the theme as a class and style, labels and formatters. */
export interface ResolvedUi {
  theme: ResolvedTheme;
  labels: Labels;
  format: Formatters;
}

const DEFAULT_SETTINGS: ContentStatsUiSettings = { theme: 'auto', locale: undefined, labels: {} };

/** Carries the provider's UI settings; components render with defaults without one. */
export const ContentStatsUiContext = createContext<ContentStatsUiSettings>(DEFAULT_SETTINGS);
ContentStatsUiContext.displayName = 'ContentStatsUiContext';

function resolveTheme(theme: ThemeProp): ResolvedTheme {
  if (typeof theme === 'string') return { className: themeClass(theme), style: {} };
  const { base, ...overrides } = theme;
  return { className: themeClass(base ?? 'auto'), style: themeStyle(overrides) as CSSProperties };
}

/** Merges a component's `theme`, `locale` and `labels` over the provider's. */
export function useUi(props: UiProps): ResolvedUi {
  const settings = useContext(ContentStatsUiContext);
  const theme = props.theme ?? settings.theme;
  const locale = props.locale ?? settings.locale;
  const providerLabels = settings.labels;
  const ownLabels = props.labels;
  const resolvedTheme = useMemo(() => resolveTheme(theme), [theme]);
  const labels = useMemo<Labels>(
    () => ({ ...defaultLabels, ...providerLabels, ...ownLabels }),
    [providerLabels, ownLabels],
  );
  return { theme: resolvedTheme, labels, format: getFormatters(locale) };
}
