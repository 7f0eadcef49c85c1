import { style } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css.js';

export const form = style({ display: 'grid', gap: vars.space.md, margin: 0 });

// side by side while the container has room, stacked in a narrow one: a viewport media query
// missed a 320 px container on a wide page, where the duration overlapped the link field
export const fields = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: vars.space.md,
  alignItems: 'flex-start',
});

export const fieldGroup = style({ display: 'grid', gap: vars.space.xs, minWidth: 0 });

/** The link takes the room; below 16rem + the duration's 10rem, the duration wraps under it. */
export const linkGroup = style({ flex: '999 1 16rem' });

export const durationGroup = style({ flex: '1 1 10rem' });

export const durationRow = style({ display: 'flex', alignItems: 'center', gap: vars.space.xs });

export const durationInput = style({ width: '5.5em' });

export const hint = style({ margin: 0, color: vars.color.textMuted, fontSize: vars.fontSize.sm });

export const invalid = style({
  margin: 0,
  color: vars.color.danger,
  fontSize: vars.fontSize.sm,
  overflowWrap: 'anywhere',
});

export const costRow = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  justifyContent: 'space-between',
  gap: `${vars.space.xs} ${vars.space.md}`,
  padding: vars.space.sm,
  borderRadius: vars.radius.md,
  background: vars.color.surfaceSunken,
  fontSize: vars.fontSize.sm,
});

export const cost = style({ fontWeight: vars.fontWeight.strong });

export const refusal = style({
  margin: 0,
  padding: vars.space.sm,
  borderRadius: vars.radius.md,
  background: vars.color.warningSurface,
  borderInlineStart: `4px solid ${vars.color.warning}`,
  fontSize: vars.fontSize.sm,
  overflowWrap: 'anywhere',
});

export const actions = style({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: vars.space.sm });

export const result = style({
  margin: 0,
  padding: vars.space.sm,
  borderRadius: vars.radius.md,
  background: vars.color.successSurface,
  borderInlineStart: `4px solid ${vars.color.success}`,
  fontSize: vars.fontSize.sm,
  overflowWrap: 'anywhere',
});
