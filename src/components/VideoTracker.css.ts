import { style } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css.js';

export const form = style({ display: 'grid', gap: vars.space.md, margin: 0 });

export const fields = style({
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr) auto',
  gap: vars.space.md,
  alignItems: 'start',
  '@media': { '(max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
});

export const fieldGroup = style({ display: 'grid', gap: vars.space.xs, minWidth: 0 });

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
