import { style } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css.js';

export const heading = style({
  margin: 0,
  marginBottom: vars.space.md,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.strong,
  lineHeight: 1.3,
});

export const stats = style({
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 10rem), 1fr))',
  gap: vars.space.md,
  margin: 0,
});

export const stat = style({ display: 'flex', flexDirection: 'column', gap: vars.space.xs, minWidth: 0 });

export const term = style({ color: vars.color.textMuted, fontSize: vars.fontSize.sm });

export const detail = style({
  margin: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: vars.space.xs,
  minWidth: 0,
  overflowWrap: 'anywhere',
});

export const big = style({ fontSize: vars.fontSize.xl, fontWeight: vars.fontWeight.strong, lineHeight: 1.2 });

export const planBadge = style({
  alignSelf: 'flex-start',
  padding: `2px ${vars.space.sm}`,
  borderRadius: vars.radius.pill,
  background: vars.color.surfaceSunken,
  border: `1px solid ${vars.color.border}`,
  fontWeight: vars.fontWeight.strong,
  fontSize: vars.fontSize.sm,
});

export const meter = style({
  position: 'relative',
  height: 8,
  borderRadius: vars.radius.pill,
  background: vars.color.surfaceSunken,
  border: `1px solid ${vars.color.borderStrong}`,
  overflow: 'hidden',
});

export const meterFill = style({
  position: 'absolute',
  insetBlock: 0,
  insetInlineStart: 0,
  background: vars.color.accent,
  borderRadius: vars.radius.pill,
});

export const meterFillHigh = style({ background: vars.color.warning });

export const small = style({ color: vars.color.textMuted, fontSize: vars.fontSize.sm });

export const warning = style({
  margin: 0,
  marginTop: vars.space.md,
  padding: vars.space.sm,
  borderRadius: vars.radius.md,
  background: vars.color.warningSurface,
  borderInlineStart: `4px solid ${vars.color.warning}`,
  fontSize: vars.fontSize.sm,
  overflowWrap: 'anywhere',
});
