import { keyframes, style } from '@vanilla-extract/css';
import { vars } from '../../theme/contract.css.js';

const pulse = keyframes({ '0%, 100%': { opacity: 1 }, '50%': { opacity: 0.45 } });

/** Skeleton container. */
export const skeleton = style({ display: 'grid', gap: vars.space.sm });

/** One grey block of a skeleton. */
export const skeletonBlock = style({
  display: 'block',
  height: '1em',
  borderRadius: vars.radius.sm,
  background: vars.color.surfaceSunken,
  animation: `${pulse} 1.6s ease-in-out infinite`,
  '@media': { '(prefers-reduced-motion: reduce)': { animation: 'none' } },
});

/** Empty and error messages. */
export const message = style({
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'flex-start',
  gap: vars.space.sm,
  padding: vars.space.md,
  borderRadius: vars.radius.md,
  overflowWrap: 'anywhere',
});

export const empty = style([message, { background: vars.color.surfaceSunken, color: vars.color.textMuted }]);

export const error = style([
  message,
  {
    background: vars.color.dangerSurface,
    color: vars.color.text,
    borderInlineStart: `4px solid ${vars.color.danger}`,
  },
]);

export const errorTitle = style({
  margin: 0,
  fontWeight: vars.fontWeight.strong,
  fontSize: vars.fontSize.md,
});

export const errorText = style({ margin: 0, fontSize: vars.fontSize.sm });
