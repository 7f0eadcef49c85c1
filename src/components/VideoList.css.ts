import { style, styleVariants } from '@vanilla-extract/css';
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
  overflowWrap: 'anywhere',
});

export const filter = style({
  display: 'flex',
  alignItems: 'center',
  gap: vars.space.xs,
  fontSize: vars.fontSize.sm,
  color: vars.color.textMuted,
  minWidth: 0,
  maxWidth: '100%',
});

// a platform name from the API can be any length: the select never outgrows the list
export const select = style({ width: 'auto', minWidth: 0, maxWidth: '100%' });

/** The platform beside the status badge: wraps when the API sends a long one. */
export const platformName = style({ minWidth: 0, overflowWrap: 'anywhere' });

export const list = style({ display: 'grid', gap: vars.space.sm, margin: 0, padding: 0, listStyle: 'none' });

export const item = style({
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr) auto',
  gap: `${vars.space.xs} ${vars.space.md}`,
  alignItems: 'center',
  padding: vars.space.sm,
  borderRadius: vars.radius.md,
  border: `1px solid ${vars.color.border}`,
  background: vars.color.surfaceRaised,
  minWidth: 0,
  selectors: {
    '&:focus-visible': { outline: `2px solid ${vars.color.focusRing}`, outlineOffset: 2 },
    '&[data-selected="true"]': {
      borderColor: vars.color.accent,
      borderInlineStartWidth: 4,
    },
  },
  '@media': { '(max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
});

export const main = style({ display: 'grid', gap: vars.space.xs, minWidth: 0 });

export const linkButton = style({
  display: 'block',
  width: '100%',
  minWidth: 0,
  padding: 0,
  border: 0,
  background: 'none',
  color: vars.color.accent,
  font: 'inherit',
  fontWeight: vars.fontWeight.strong,
  textAlign: 'start',
  cursor: 'pointer',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  borderRadius: vars.radius.sm,
  selectors: {
    '&:hover': { textDecoration: 'underline' },
    '&:focus-visible': { outline: `2px solid ${vars.color.focusRing}`, outlineOffset: 2 },
  },
});

export const linkText = style({
  display: 'block',
  minWidth: 0,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  fontWeight: vars.fontWeight.strong,
});

/** Inside a link: the handle gives way (ellipsis) before the id's tail, which tells rows apart. */
export const nameRow = style({ display: 'flex', minWidth: 0, maxWidth: '100%' });

export const nameHead = style({ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' });

// `pre`: a flex item drops its leading space ("@creator1· …")
export const nameTail = style({ flex: 'none', whiteSpace: 'pre' });

export const meta = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: `${vars.space.xs} ${vars.space.sm}`,
  fontSize: vars.fontSize.sm,
  color: vars.color.textMuted,
  minWidth: 0,
});

const badgeBase = style({
  display: 'inline-block',
  padding: `1px ${vars.space.sm}`,
  borderRadius: vars.radius.pill,
  fontSize: vars.fontSize.xs,
  fontWeight: vars.fontWeight.strong,
  border: '1px solid transparent',
  whiteSpace: 'nowrap',
  maxWidth: '100%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
});

/** Status badges: colour plus text, never colour alone. */
export const badge = styleVariants({
  monitoring: [
    badgeBase,
    { background: vars.color.successSurface, color: vars.color.text, borderColor: vars.color.success },
  ],
  completed: [
    badgeBase,
    { background: vars.color.surfaceSunken, color: vars.color.text, borderColor: vars.color.border },
  ],
  stopped: [
    badgeBase,
    { background: vars.color.warningSurface, color: vars.color.text, borderColor: vars.color.warning },
  ],
  other: [
    badgeBase,
    { background: vars.color.surfaceSunken, color: vars.color.text, borderColor: vars.color.border },
  ],
});

export const counts = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: `${vars.space.xs} ${vars.space.md}`,
  fontSize: vars.fontSize.sm,
});

export const countLabel = style({ color: vars.color.textMuted, marginInlineEnd: 4 });

export const actions = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: vars.space.xs,
  justifyContent: 'flex-end',
});

export const confirm = style({
  gridColumn: '1 / -1',
  margin: 0,
  border: 0,
  minWidth: 0,
  display: 'grid',
  gap: vars.space.sm,
  padding: vars.space.sm,
  borderRadius: vars.radius.md,
  background: vars.color.dangerSurface,
  borderInlineStart: `4px solid ${vars.color.danger}`,
  overflowWrap: 'anywhere',
});

// a floated legend lays out like a paragraph instead of sitting on the fieldset's border
export const confirmText = style({
  float: 'inline-start',
  width: '100%',
  padding: 0,
  margin: 0,
  fontSize: vars.fontSize.sm,
});

export const fullRow = style({ gridColumn: '1 / -1', minWidth: 0 });
