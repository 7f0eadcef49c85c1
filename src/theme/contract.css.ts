import { createGlobalThemeContract } from '@vanilla-extract/css';

/**
 * The theme contract: every value a theme sets, published as stable CSS custom properties
 * (`--cs-color-surface`, `--cs-series-1`, ...) so a host page or the embed can override any of
 * them with plain CSS. Names are part of the public API: renaming one is a breaking change.
 */
export const vars = createGlobalThemeContract(
  {
    color: {
      /** Page-level text on the component's surface. */
      text: 'color-text',
      /** Secondary text: captions, axis labels, hints. */
      textMuted: 'color-text-muted',
      /** Component background. */
      surface: 'color-surface',
      /** Raised areas: cards, table header, tooltip. */
      surfaceRaised: 'color-surface-raised',
      /** Skeleton blocks and subtle fills. */
      surfaceSunken: 'color-surface-sunken',
      /** Dividers and card outlines (decorative). */
      border: 'color-border',
      /** Outlines of form controls and other boundaries a user must see: at least 3:1 on the surface. */
      borderStrong: 'color-border-strong',
      /** Chart grid lines. */
      grid: 'color-grid',
      /** Primary actions, focus and links. */
      accent: 'color-accent',
      /** Text on an accent background. */
      accentText: 'color-accent-text',
      focusRing: 'color-focus-ring',
      success: 'color-success',
      successSurface: 'color-success-surface',
      warning: 'color-warning',
      warningSurface: 'color-warning-surface',
      danger: 'color-danger',
      dangerSurface: 'color-danger-surface',
    },
    /** Chart palette: eight series colors, distinguishable and with contrast in both themes. */
    series: {
      s1: 'series-1',
      s2: 'series-2',
      s3: 'series-3',
      s4: 'series-4',
      s5: 'series-5',
      s6: 'series-6',
      s7: 'series-7',
      s8: 'series-8',
    },
    font: {
      body: 'font-body',
      mono: 'font-mono',
    },
    fontSize: {
      xs: 'font-size-xs',
      sm: 'font-size-sm',
      md: 'font-size-md',
      lg: 'font-size-lg',
      xl: 'font-size-xl',
    },
    fontWeight: {
      normal: 'font-weight-normal',
      strong: 'font-weight-strong',
    },
    space: {
      xs: 'space-xs',
      sm: 'space-sm',
      md: 'space-md',
      lg: 'space-lg',
      xl: 'space-xl',
    },
    radius: {
      sm: 'radius-sm',
      md: 'radius-md',
      lg: 'radius-lg',
      pill: 'radius-pill',
    },
    shadow: {
      raised: 'shadow-raised',
    },
  },
  (value) => `cs-${value}`,
);

/** The theme's shape: every variable, as a nested object of CSS values. */
export type ThemeTokens = {
  [Group in keyof typeof vars]: { [Name in keyof (typeof vars)[Group]]: string };
};

/** The series colors in order, as `var(--cs-series-N)` references. */
export const seriesColors: readonly string[] = [
  vars.series.s1,
  vars.series.s2,
  vars.series.s3,
  vars.series.s4,
  vars.series.s5,
  vars.series.s6,
  vars.series.s7,
  vars.series.s8,
];
