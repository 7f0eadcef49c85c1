import { vars } from './contract.css.js';
import { autoTheme, darkTheme, lightTheme } from './themes.css.js';
import type { ThemeTokens } from './contract.css.js';

// contract
export { seriesColors, vars } from './contract.css.js';
export type { ThemeTokens } from './contract.css.js';

// themes
export { autoTheme, darkTheme, darkTokens, lightTheme, lightTokens } from './themes.css.js';

/** A built-in theme: `auto` follows the viewer's `prefers-color-scheme`. */
export type ThemeName = 'light' | 'dark' | 'auto';

/** Any subset of the theme's values, e.g. `{ color: { accent: '#7c3aed' } }`. */
export type ThemeOverrides = { [Group in keyof ThemeTokens]?: Partial<ThemeTokens[Group]> };

/**
 * What a `theme` prop accepts: a theme's name, or overrides on top of a base theme.
 * @defaultValue 'auto' (as a provider default)
 */
export type ThemeProp = ThemeName | (ThemeOverrides & { base?: ThemeName });

const classes: Record<ThemeName, string> = { light: lightTheme, dark: darkTheme, auto: autoTheme };

/** The class name that applies a built-in theme's `--cs-*` variables to an element and its children. */
export function themeClass(name: ThemeName): string {
  return classes[name];
}

/** `var(--cs-color-accent)` → `--cs-color-accent`. */
function propertyName(reference: string): string {
  return reference.slice('var('.length, -1);
}

/**
 * Overrides as CSS custom properties for a React `style` prop, e.g.
 * `{ '--cs-color-accent': '#7c3aed' }`. Unknown keys and the `base` key are skipped.
 */
export function themeStyle(overrides?: ThemeOverrides & { base?: ThemeName }): Record<string, string> {
  const style: Record<string, string> = {};
  if (!overrides) return style;
  for (const group of Object.keys(vars) as (keyof ThemeTokens)[]) {
    const values = overrides[group] as Record<string, string | undefined> | undefined;
    if (!values || typeof values !== 'object') continue;
    const names = vars[group] as Record<string, string>;
    for (const [key, value] of Object.entries(values)) {
      const reference = names[key];
      if (reference !== undefined && typeof value === 'string') style[propertyName(reference)] = value;
    }
  }
  return style;
}
