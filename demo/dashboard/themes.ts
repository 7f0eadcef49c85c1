import type { ThemeName, ThemeProp } from '../../src/react/index.js';

/** The three looks the header switches between. */
export type DemoTheme = 'light' | 'dark' | 'brand';

/**
 * A customer's brand as `<ContentStatsProvider theme={...}>` takes it: a few overrides over the
 * light theme (violet accent, warm surfaces, rounder corners, a serif body).
 */
export const brandTheme = {
  base: 'light',
  color: {
    accent: '#6d28d9',
    focusRing: '#6d28d9',
    surface: '#fffdf8',
    surfaceRaised: '#faf5ea',
    border: '#e7dcc6',
    text: '#2a2118',
    textMuted: '#6b5d4d',
  },
  radius: { md: '10px', lg: '16px' },
  font: { body: "Georgia, 'Iowan Old Style', 'Times New Roman', serif" },
} satisfies ThemeProp;

/** The provider's `theme` prop for a demo theme. */
export function themeProp(theme: DemoTheme): ThemeProp {
  return theme === 'brand' ? brandTheme : theme;
}

/** The built-in theme a demo theme starts from (the page chrome uses its `--cs-*` variables too). */
export function baseTheme(theme: DemoTheme): ThemeName {
  return theme === 'brand' ? 'light' : theme;
}

const KEY = 'contentstats-demo-theme';

/** The theme chosen last time, else the viewer's light or dark preference. */
export function initialTheme(): DemoTheme {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'brand') return saved;
  } catch {
    // storage blocked: fall through to the preference
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Remembers the choice across reloads (quietly not, when storage is blocked). */
export function saveTheme(theme: DemoTheme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // nothing to do
  }
}
