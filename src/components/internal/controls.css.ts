import { style, styleVariants } from '@vanilla-extract/css';
import { vars } from '../../theme/contract.css.js';

const focusRing = {
  outline: `2px solid ${vars.color.focusRing}`,
  outlineOffset: 2,
};

const buttonBase = style({
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  gap: vars.space.xs,
  minHeight: 36,
  padding: `${vars.space.xs} ${vars.space.md}`,
  border: '1px solid transparent',
  borderRadius: vars.radius.md,
  font: 'inherit',
  fontSize: vars.fontSize.sm,
  fontWeight: vars.fontWeight.strong,
  lineHeight: 1.2,
  cursor: 'pointer',
  whiteSpace: 'nowrap',
  selectors: {
    '&:focus-visible': focusRing,
    '&:disabled, &[aria-disabled="true"]': { opacity: 0.55, cursor: 'not-allowed' },
  },
});

/** Buttons: `primary` (accent fill), `secondary` (outline), `danger`, `ghost` (text only). */
export const button = styleVariants({
  primary: [buttonBase, { background: vars.color.accent, color: vars.color.accentText }],
  secondary: [
    buttonBase,
    { background: vars.color.surface, color: vars.color.text, borderColor: vars.color.borderStrong },
  ],
  danger: [buttonBase, { background: vars.color.danger, color: vars.color.accentText }],
  ghost: [buttonBase, { background: 'transparent', color: vars.color.accent, paddingInline: vars.space.sm }],
});

/** Text input and select. */
export const field = style({
  display: 'block',
  width: '100%',
  minWidth: 0,
  minHeight: 36,
  padding: `${vars.space.xs} ${vars.space.sm}`,
  border: `1px solid ${vars.color.borderStrong}`,
  borderRadius: vars.radius.md,
  background: vars.color.surface,
  color: vars.color.text,
  font: 'inherit',
  fontSize: vars.fontSize.md,
  selectors: {
    '&:focus-visible': focusRing,
    '&[aria-invalid="true"]': { borderColor: vars.color.danger },
  },
});

/** Field label. */
export const label = style({
  display: 'block',
  marginBottom: vars.space.xs,
  fontSize: vars.fontSize.sm,
  fontWeight: vars.fontWeight.strong,
});
