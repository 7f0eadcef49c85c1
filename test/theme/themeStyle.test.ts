import { describe, expect, it } from 'vitest';
import { autoTheme, darkTheme, lightTheme, themeClass, themeStyle, vars } from '../../src/theme/index.js';

describe('themeStyle', () => {
  it('turns overrides into --cs-* custom properties and ignores base and unknown keys', () => {
    const style = themeStyle({
      base: 'dark',
      color: { accent: '#7c3aed', surface: '#fffaf0' },
      radius: { md: '0px' },
      // a key from plain JavaScript that is not a token group
      ...({ nope: { x: '1' } } as object),
    });
    expect(style).toEqual({
      '--cs-color-accent': '#7c3aed',
      '--cs-color-surface': '#fffaf0',
      '--cs-radius-md': '0px',
    });
  });

  it('returns an empty object without overrides', () => {
    expect(themeStyle()).toEqual({});
  });

  it('publishes stable variable names', () => {
    expect(vars.color.accent).toBe('var(--cs-color-accent)');
    expect(vars.series.s8).toBe('var(--cs-series-8)');
  });
});

describe('themeClass', () => {
  it('maps each name to its own class', () => {
    expect(themeClass('light')).toBe(lightTheme);
    expect(themeClass('dark')).toBe(darkTheme);
    expect(themeClass('auto')).toBe(autoTheme);
    expect(new Set([lightTheme, darkTheme, autoTheme]).size).toBe(3);
  });
});
