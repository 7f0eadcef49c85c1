import type { ThemeProp } from '../../src/theme/index.js';

/**
 * A custom brand, as a customer would pass it to `<ContentStatsProvider theme={...}>`: a few
 * overrides over the light theme (violet accent, warm surface, rounder corners, a serif
 * body). Its colors are checked for contrast by test/theme/contrast.test.ts.
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
