import { globalStyle, style } from '@vanilla-extract/css';
import { vars } from '../../theme/contract.css.js';

/** Base of every component root: our fonts and colors, nothing inherited from the host page's box model. */
export const root = style({
  boxSizing: 'border-box',
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  fontWeight: vars.fontWeight.normal,
  lineHeight: 1.45,
  color: vars.color.text,
  background: vars.color.surface,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.lg,
  padding: vars.space.lg,
  minWidth: 0,
  maxWidth: '100%',
  fontVariantNumeric: 'tabular-nums',
  '@media': {
    '(max-width: 480px)': { padding: vars.space.md },
  },
});

// scoped to our roots only: the host page's own elements keep their box model
globalStyle(`${root} *, ${root} *::before, ${root} *::after`, { boxSizing: 'inherit' });

/** Component heading. */
export const title = style({
  margin: 0,
  marginBottom: vars.space.md,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.strong,
  lineHeight: 1.3,
  // a label or title without spaces (a pasted link, hostile text) wraps instead of leaving the card
  overflowWrap: 'anywhere',
});

/** On every component heading: a label or title without spaces wraps instead of leaving the card. */
export const headingWrap = style({ minWidth: 0, overflowWrap: 'anywhere' });

/** Hidden on screen, read by screen readers. */
export const visuallyHidden = style({
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
});
