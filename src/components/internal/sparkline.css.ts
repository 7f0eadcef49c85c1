import { style } from '@vanilla-extract/css';
import { vars } from '../../theme/contract.css.js';

export const sparkline = style({ display: 'block', width: '100%', height: 32, overflow: 'visible' });

export const line = style({
  fill: 'none',
  stroke: vars.series.s1,
  strokeWidth: 1.75,
  strokeLinejoin: 'round',
  strokeLinecap: 'round',
  vectorEffect: 'non-scaling-stroke',
});

export const area = style({ fill: vars.series.s1, opacity: 0.12, stroke: 'none' });
