import { globalStyle, style } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css.js';

// The elements' own rules, beside the components' in the CSS the embed build puts at the end of
// the script (a style file, not a string in the code: there it compresses with the other CSS).

// the element is a block, and `contain` keeps its layout from reflowing the host page
globalStyle(':host', { display: 'block', contain: 'layout style' });
globalStyle(':host([hidden])', { display: 'none' });

/** A configuration, access or drawing message shown instead of a component. */
export const message = style({
  boxSizing: 'border-box',
  font: '14px/1.45 system-ui, sans-serif',
  color: vars.color.text,
  background: vars.color.surface,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.lg,
  padding: vars.space.lg,
  selectors: {
    '&[data-kind=error]': { borderColor: vars.color.danger, background: vars.color.dangerSurface },
  },
});

/** The space an element keeps before it renders (`--cs-embed-placeholder-height`, default 120px). */
export const placeholder = style({ minHeight: 'var(--cs-embed-placeholder-height, 120px)' });
