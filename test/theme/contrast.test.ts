import { describe, expect, it } from 'vitest';
import type { ThemeTokens } from '../../src/theme/index.js';
import { darkTokens, lightTokens } from '../../src/theme/index.js';
import { brandTheme } from '../../stories/support/brandTheme.js';
import { contrast, distance, type Vision } from './colorMath.js';

/** The brand example of the stories, resolved over its base like the browser does. */
const brandTokens: ThemeTokens = {
  ...lightTokens,
  color: { ...lightTokens.color, ...brandTheme.color },
};

const themes: [string, ThemeTokens][] = [
  ['light', lightTokens],
  ['dark', darkTokens],
  ['brand example', brandTokens],
];

/** Everything text or a series line can sit on: the surface, cards and tooltips. */
const backgrounds = ['surface', 'surfaceRaised'] as const;

describe.each(themes)('%s theme', (_name, tokens) => {
  const { color } = tokens;

  it.each(Object.entries(tokens.series))('series %s reaches 3:1 on every background', (_key, value) => {
    for (const bg of backgrounds) expect(contrast(value, color[bg])).toBeGreaterThanOrEqual(3);
  });

  it('text, muted text and status colors reach 4.5:1 on the surfaces they sit on', () => {
    const pairs: [string, string][] = [
      ...(['surface', 'surfaceRaised', 'surfaceSunken'] as const).flatMap((bg): [string, string][] => [
        [color.text, color[bg]],
        [color.textMuted, color[bg]],
      ]),
      [color.accentText, color.accent],
      [color.accent, color.surface],
      [color.success, color.surface],
      [color.success, color.successSurface],
      [color.warning, color.surface],
      [color.warning, color.warningSurface],
      [color.danger, color.surface],
      [color.danger, color.dangerSurface],
      [color.text, color.successSurface],
      [color.text, color.warningSurface],
      [color.text, color.dangerSurface],
    ];
    for (const [fg, bg] of pairs) {
      expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('control outlines and the focus ring reach 3:1 (WCAG 1.4.11)', () => {
    for (const bg of backgrounds) {
      expect(contrast(color.borderStrong, color[bg])).toBeGreaterThanOrEqual(3);
      expect(contrast(color.focusRing, color[bg])).toBeGreaterThanOrEqual(3);
    }
  });

  it.each<Vision>(['normal', 'protanopia', 'deuteranopia', 'tritanopia'])(
    'the eight series stay apart with %s vision',
    (vision) => {
      const series = Object.values(tokens.series);
      expect(series).toHaveLength(8);
      // 0.02 in OKLab is about one just-noticeable difference; lines need several
      const floor = vision === 'normal' ? 0.15 : 0.1;
      for (const [i, a] of series.entries()) {
        for (const b of series.slice(i + 1)) {
          expect(distance(a, b, vision), `${a} vs ${b}`).toBeGreaterThanOrEqual(floor);
        }
      }
    },
  );
});

it('a deliberately poor pair fails the checks (the math is not vacuous)', () => {
  expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  // red and green collapse for deuteranopes
  expect(distance('#d62728', '#2ca02c', 'deuteranopia')).toBeLessThan(distance('#d62728', '#2ca02c'));
});
