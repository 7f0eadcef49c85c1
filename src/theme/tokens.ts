import type { ThemeTokens } from './contract.css.js';

// Sizes are in px, not rem: an embed lives on pages we do not control, and a host page with
// `html { font-size: 62.5% }` would shrink rem-sized components; browser zoom still scales px.

const fontBody =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif, " +
  "'Apple Color Emoji', 'Segoe UI Emoji'";
const fontMono = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

const shared = {
  font: { body: fontBody, mono: fontMono },
  fontSize: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '24px' },
  fontWeight: { normal: '400', strong: '600' },
  space: { xs: '4px', sm: '8px', md: '12px', lg: '16px', xl: '24px' },
  radius: { sm: '4px', md: '6px', lg: '10px', pill: '999px' },
} satisfies Partial<ThemeTokens>;

/**
 * The light theme's values. Series colors: eight hues (blue, orange, green, red, purple, lavender,
 * magenta, deep teal) that stay apart under protanopia, deuteranopia and tritanopia and reach 3:1
 * on the surfaces; text reaches 4.5:1 (checked by test/theme/contrast.test.ts).
 */
export const lightTokens: ThemeTokens = {
  color: {
    text: '#1b1f24',
    textMuted: '#59626f',
    surface: '#ffffff',
    surfaceRaised: '#f6f7f9',
    surfaceSunken: '#eceef2',
    border: '#d5d9e0',
    borderStrong: '#7b8391',
    grid: '#e6e9ee',
    accent: '#1d5fbf',
    accentText: '#ffffff',
    focusRing: '#1d5fbf',
    success: '#15703a',
    successSurface: '#e9f6ec',
    warning: '#8a5a00',
    warningSurface: '#fdf4e1',
    danger: '#c4262e',
    dangerSurface: '#fdecec',
  },
  series: {
    s1: '#1161c3',
    s2: '#d76404',
    s3: '#129d6c',
    s4: '#8a1600',
    s5: '#561f88',
    s6: '#8c84b8',
    s7: '#a43a86',
    s8: '#005048',
  },
  ...shared,
  shadow: { raised: '0 1px 2px rgb(16 24 40 / 0.06), 0 2px 6px rgb(16 24 40 / 0.08)' },
};

/** The dark theme's values; series N keeps the hue of the light theme's series N (within 25° in OKLCH). */
export const darkTokens: ThemeTokens = {
  color: {
    text: '#e7eaee',
    textMuted: '#a2abb8',
    surface: '#15181e',
    surfaceRaised: '#1d2129',
    surfaceSunken: '#272c35',
    border: '#343a45',
    borderStrong: '#7d8694',
    grid: '#2a2f38',
    accent: '#6aa8ff',
    accentText: '#0b1320',
    focusRing: '#8cbcff',
    success: '#5cc98a',
    successSurface: '#15301f',
    warning: '#e5b454',
    warningSurface: '#33280f',
    danger: '#ff7b7b',
    dangerSurface: '#3a1a1c',
  },
  series: {
    s1: '#13b3f6',
    s2: '#b67801',
    s3: '#079f72',
    s4: '#f8b07b',
    s5: '#8a71de',
    s6: '#c3ceff',
    s7: '#e975b3',
    s8: '#54ffc8',
  },
  ...shared,
  shadow: { raised: '0 1px 2px rgb(0 0 0 / 0.4), 0 2px 8px rgb(0 0 0 / 0.3)' },
};
