import type { ReactNode } from 'react';
import { ContentStatsProvider } from '../src/react/ContentStatsProvider.js';
import { type ThemeProp, themeClass, themeStyle, vars } from '../src/theme/index.js';
import { STORY_API_PATH } from '../stories/support/api.js';
import { brandTheme } from '../stories/support/brandTheme.js';

/** Values of the toolbar's theme switch. */
export type ThemeGlobal = 'light' | 'dark' | 'auto' | 'brand';

/** The toolbar's theme as a `theme` prop. */
export function themeFromGlobal(value: unknown): ThemeProp {
  if (value === 'light' || value === 'dark' || value === 'auto') return value;
  if (value === 'brand') return brandTheme;
  return 'auto';
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** Text direction of a locale, so Arabic stories render right to left as they would on a page. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** Props of {@link StoryFrame}. */
export interface StoryFrameProps {
  /** The toolbar's theme, handed to the provider and used for the page background. */
  theme: ThemeProp;
  /** The toolbar's locale; also sets `lang` and `dir`. */
  locale: string;
  /** Fill the viewport (canvas) or hug the story (docs pages). */
  fill: boolean;
  children: ReactNode;
}

/**
 * Stands in for the host page: a provider on the story's mock API, and a page background in the
 * theme's surface color so dark stories are not framed in white. Remount it (key) per story so
 * no cache or state leaks from one story into the next.
 */
export function StoryFrame({ theme, locale, fill, children }: StoryFrameProps) {
  const name = typeof theme === 'string' ? theme : (theme.base ?? 'auto');
  const overrides = typeof theme === 'string' ? undefined : theme;
  return (
    <div
      className={themeClass(name)}
      lang={locale}
      dir={directionOf(locale)}
      style={{
        ...themeStyle(overrides),
        background: vars.color.surface,
        color: vars.color.text,
        fontFamily: vars.font.body,
        padding: 16,
        boxSizing: 'border-box',
        minHeight: fill ? '100vh' : undefined,
      }}
    >
      <ContentStatsProvider baseUrl={STORY_API_PATH} theme={theme} locale={locale}>
        {children}
      </ContentStatsProvider>
    </div>
  );
}
