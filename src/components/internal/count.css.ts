import { style } from '@vanilla-extract/css';
import { vars } from '../../theme/contract.css.js';

/** A compact count; on keyboard focus the exact value shows in a small bubble. */
export const count = style({
  position: 'relative',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
  borderRadius: vars.radius.sm,
  selectors: {
    // no underline: a table full of dotted numbers is noise; the title and focus bubble suffice
    '&[tabindex]': { cursor: 'help' },
    '&:focus-visible': { outline: `2px solid ${vars.color.focusRing}`, outlineOffset: 2 },
    '&:focus-visible::after': {
      content: 'attr(data-exact)',
      position: 'absolute',
      insetBlockStart: '100%',
      insetInlineStart: 0,
      zIndex: 2,
      marginTop: 4,
      padding: `2px ${vars.space.xs}`,
      borderRadius: vars.radius.sm,
      background: vars.color.surfaceRaised,
      color: vars.color.text,
      border: `1px solid ${vars.color.border}`,
      boxShadow: vars.shadow.raised,
      fontSize: vars.fontSize.xs,
      fontWeight: vars.fontWeight.normal,
    },
  },
});
