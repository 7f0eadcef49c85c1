import { assignVars, style } from '@vanilla-extract/css';
import { vars } from './contract.css.js';
import { darkTokens, lightTokens } from './tokens.js';

export { darkTokens, lightTokens };

// `color-scheme` makes native parts (scrollbars, date inputs, checkboxes) match the theme;
// it is scoped to our class like the variables, so the host page keeps its own.

/** Class that sets every `--cs-*` variable to the light theme. */
export const lightTheme = style({ vars: assignVars(vars, lightTokens), colorScheme: 'light' });

/** Class that sets every `--cs-*` variable to the dark theme. */
export const darkTheme = style({ vars: assignVars(vars, darkTokens), colorScheme: 'dark' });

/** Class that follows the viewer's `prefers-color-scheme`: light tokens, dark ones under the media query. */
export const autoTheme = style({
  vars: assignVars(vars, lightTokens),
  colorScheme: 'light dark',
  '@media': {
    '(prefers-color-scheme: dark)': { vars: assignVars(vars, darkTokens) },
  },
});
