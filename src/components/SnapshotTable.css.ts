import { style } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css.js';

export const header = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: vars.space.sm,
  marginBottom: vars.space.md,
});

export const heading = style({
  margin: 0,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.strong,
  lineHeight: 1.3,
});

export const toolbar = style({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: vars.space.sm });

export const pageSize = style({
  display: 'flex',
  alignItems: 'center',
  gap: vars.space.xs,
  fontSize: vars.fontSize.sm,
  color: vars.color.textMuted,
  whiteSpace: 'nowrap',
});

export const select = style({ width: 'auto' });

// the cut column fades out into the surface: reads as "more this way" in light and dark alike
const edgeShadow = (direction: 'left' | 'right') =>
  `linear-gradient(to ${direction}, ${vars.color.surface} 15%, transparent)`;

const edge = {
  content: '""',
  position: 'absolute',
  insetBlock: 1,
  width: 32,
  pointerEvents: 'none',
  zIndex: 4,
} as const;

/**
 * Around the scroller: a shadow on each inline edge with more columns behind it
 * (`data-more-start`, `data-more-end`), so a column cut at 320 px does not read as the last one.
 */
export const scrollFrame = style({
  position: 'relative',
  selectors: {
    '&[data-more-end]::after': {
      ...edge,
      insetInlineEnd: 1,
      borderStartEndRadius: vars.radius.md,
      borderEndEndRadius: vars.radius.md,
      background: edgeShadow('left'),
    },
    // the gradient runs from the edge inwards, which flips in a right-to-left layout
    '&:dir(rtl)[data-more-end]::after': { background: edgeShadow('right') },
  },
});

// at the start edge the time column stays put (sticky): the shadow falls from it onto what
// scrolled under it
const stickyShadow = '6px 0 6px -4px rgba(0, 0, 0, 0.28)';
const stickyShadowRtl = '-6px 0 6px -4px rgba(0, 0, 0, 0.28)';

export const scroller = style({
  overflow: 'auto',
  maxWidth: '100%',
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.md,
  selectors: { '&:focus-visible': { outline: `2px solid ${vars.color.focusRing}`, outlineOffset: 2 } },
});

export const table = style({
  width: '100%',
  borderCollapse: 'separate',
  borderSpacing: 0,
  fontSize: vars.fontSize.sm,
});

const cell = {
  padding: `${vars.space.xs} ${vars.space.sm}`,
  borderBottom: `1px solid ${vars.color.border}`,
  whiteSpace: 'nowrap',
} as const;

export const headCell = style({
  ...cell,
  position: 'sticky',
  top: 0,
  zIndex: 2,
  background: vars.color.surfaceRaised,
  textAlign: 'end',
  fontWeight: vars.fontWeight.strong,
  selectors: {
    '&:first-child': { insetInlineStart: 0, zIndex: 3, textAlign: 'start' },
    [`${scrollFrame}[data-more-start] &:first-child`]: { boxShadow: stickyShadow },
    [`${scrollFrame}[data-more-start]:dir(rtl) &:first-child`]: { boxShadow: stickyShadowRtl },
  },
});

export const sortButton = style({
  display: 'inline-flex',
  alignItems: 'center',
  gap: 4,
  padding: 0,
  border: 0,
  background: 'none',
  color: 'inherit',
  font: 'inherit',
  cursor: 'pointer',
  borderRadius: vars.radius.sm,
  selectors: { '&:focus-visible': { outline: `2px solid ${vars.color.focusRing}`, outlineOffset: 2 } },
});

export const sortIcon = style({ width: '1em', color: vars.color.textMuted, textAlign: 'center' });

export const rowHead = style({
  ...cell,
  position: 'sticky',
  insetInlineStart: 0,
  zIndex: 1,
  background: vars.color.surface,
  textAlign: 'start',
  fontWeight: vars.fontWeight.normal,
  selectors: {
    [`${scrollFrame}[data-more-start] &`]: { boxShadow: stickyShadow },
    [`${scrollFrame}[data-more-start]:dir(rtl) &`]: { boxShadow: stickyShadowRtl },
  },
});

export const numberCell = style({ ...cell, textAlign: 'end' });

export const deltaCell = style({ ...cell, textAlign: 'end', color: vars.color.textMuted });

export const pager = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'flex-end',
  gap: vars.space.sm,
  marginTop: vars.space.sm,
  fontSize: vars.fontSize.sm,
});

export const pageStatus = style({ color: vars.color.textMuted, marginInlineEnd: 'auto' });
