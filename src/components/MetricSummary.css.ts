import { style } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css.js';

export const header = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  justifyContent: 'space-between',
  gap: `${vars.space.xs} ${vars.space.md}`,
  marginBottom: vars.space.md,
});

export const heading = style({
  margin: 0,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.strong,
  lineHeight: 1.3,
});

export const next = style({ color: vars.color.textMuted, fontSize: vars.fontSize.sm });

export const cards = style({
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
  gap: vars.space.md,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

export const card = style({
  display: 'flex',
  flexDirection: 'column',
  gap: vars.space.xs,
  minWidth: 0,
  padding: vars.space.md,
  borderRadius: vars.radius.md,
  border: `1px solid ${vars.color.border}`,
  background: vars.color.surfaceRaised,
});

export const cardLabel = style({ margin: 0, color: vars.color.textMuted, fontSize: vars.fontSize.sm });

export const value = style({
  margin: 0,
  fontSize: vars.fontSize.xl,
  fontWeight: vars.fontWeight.strong,
  lineHeight: 1.2,
  minWidth: 0,
  overflowWrap: 'anywhere',
});

/** A value with many digits (every digit from 10^15 on), on a line as tall as the others. */
export const valueLong = style({ fontSize: vars.fontSize.lg, lineHeight: `calc(${vars.fontSize.xl} * 1.2)` });

export const up = style({ color: vars.color.success });
export const down = style({ color: vars.color.danger });

// skeleton blocks as tall as the card's label (sm text), value (xl text) and sparkline (32 px)
export const skeletonLabel = style({ width: '60%', height: `calc(${vars.fontSize.sm} * 1.45)` });
export const skeletonValue = style({ width: '45%', height: `calc(${vars.fontSize.xl} * 1.2)` });
export const skeletonSparkline = style({ width: '100%', height: 32 });
