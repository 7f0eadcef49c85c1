import { style } from '@vanilla-extract/css';
import { vars } from '../../theme/contract.css.js';

// a <figure>: its user-agent margin is reset. The title has the first line to itself (beside
// the buttons it wrapped to four lines at 320 px); legend and downloads share the last
export const chartRoot = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  columnGap: vars.space.md,
  rowGap: vars.space.sm,
  margin: 0,
  position: 'relative',
});

/** Height of the footer row (the buttons' height): the loading skeleton reserves it. */
export const FOOTER_HEIGHT = 36;

/** Children that span the whole width: plot, legend, states. */
export const full = style({ flex: '1 1 100%', minWidth: 0 });

export const caption = style({ flex: '1 1 100%', minWidth: 0, overflowWrap: 'anywhere' });

/** Legend, then the download buttons at the end of the row (below the legend when narrow). */
export const footer = style({
  flex: '1 1 100%',
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: vars.space.sm,
  minWidth: 0,
  minHeight: FOOTER_HEIGHT,
});

export const title = style({
  margin: 0,
  fontSize: vars.fontSize.md,
  fontWeight: vars.fontWeight.strong,
});

export const actions = style({
  display: 'flex',
  alignItems: 'center',
  gap: vars.space.xs,
  marginInlineStart: 'auto',
});

export const actionsLabel = style({ color: vars.color.textMuted, fontSize: vars.fontSize.sm });

export const plot = style({
  position: 'relative',
  width: '100%',
  minWidth: 0,
  borderRadius: vars.radius.sm,
  touchAction: 'pan-y',
  outline: 'none',
  selectors: {
    '&:focus-visible': { outline: `2px solid ${vars.color.focusRing}`, outlineOffset: 2 },
  },
});

// the plot runs left to right in every language; text-anchor follows `direction`, so in a
// right-to-left page "end" would push the value labels into the plot
export const svg = style({ display: 'block', overflow: 'visible', userSelect: 'none', direction: 'ltr' });

export const axisLabel = style({
  fill: vars.color.textMuted,
  fontFamily: vars.font.body,
  fontSize: 11,
  fontVariantNumeric: 'tabular-nums',
});

export const grid = style({ stroke: vars.color.grid, strokeWidth: 1, shapeRendering: 'crispEdges' });

export const axisLine = style({ stroke: vars.color.border, strokeWidth: 1, shapeRendering: 'crispEdges' });

export const line = style({ fill: 'none', strokeWidth: 2, strokeLinejoin: 'round', strokeLinecap: 'round' });

export const crosshair = style({
  stroke: vars.color.textMuted,
  strokeWidth: 1,
  strokeDasharray: '3 3',
  pointerEvents: 'none',
});

export const dot = style({ stroke: vars.color.surface, strokeWidth: 2, pointerEvents: 'none' });

export const tooltip = style({
  position: 'absolute',
  top: 4,
  zIndex: 2,
  minWidth: 140,
  maxWidth: 'min(320px, 90%)',
  padding: `${vars.space.xs} ${vars.space.sm}`,
  borderRadius: vars.radius.md,
  border: `1px solid ${vars.color.border}`,
  background: vars.color.surfaceRaised,
  color: vars.color.text,
  boxShadow: vars.shadow.raised,
  fontSize: vars.fontSize.sm,
  pointerEvents: 'none',
});

export const tooltipTime = style({
  margin: 0,
  marginBottom: 2,
  color: vars.color.textMuted,
  fontSize: vars.fontSize.xs,
});

export const tooltipList = style({ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: 2 });

export const tooltipRow = style({
  display: 'grid',
  gridTemplateColumns: 'auto minmax(0, 1fr) auto',
  alignItems: 'center',
  gap: vars.space.xs,
});

export const tooltipLabel = style({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' });

export const tooltipValue = style({ fontWeight: vars.fontWeight.strong, fontVariantNumeric: 'tabular-nums' });

export const swatch = style({
  display: 'inline-block',
  width: 10,
  height: 10,
  borderRadius: 2,
  flex: 'none',
});

export const legend = style({
  flex: '1 1 12rem',
  display: 'flex',
  flexWrap: 'wrap',
  gap: vars.space.xs,
  minWidth: 0,
  margin: 0,
  padding: 0,
});

export const legendButton = style({
  display: 'inline-flex',
  alignItems: 'center',
  gap: vars.space.xs,
  maxWidth: '100%',
  minHeight: 28,
  padding: `2px ${vars.space.sm}`,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.pill,
  background: vars.color.surface,
  color: vars.color.text,
  font: 'inherit',
  fontSize: vars.fontSize.sm,
  cursor: 'pointer',
  selectors: {
    '&[aria-pressed="false"]': { color: vars.color.textMuted, textDecoration: 'line-through' },
    '&:focus-visible': { outline: `2px solid ${vars.color.focusRing}`, outlineOffset: 2 },
  },
});

export const legendText = style({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' });

export const swatchOff = style({ opacity: 0.3 });
