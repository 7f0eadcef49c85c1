import type { Parameters } from '@storybook/react-vite';
import { storyApiHandlers } from '../stories/support/api.js';

/**
 * Parameters of every story. `a11y.test: 'error'` makes an axe violation fail the story's
 * Vitest run; the data comes from the local API engine through MSW (no network).
 */
export const parameters: Parameters = {
  layout: 'fullscreen',
  a11y: { test: 'error' },
  msw: { handlers: storyApiHandlers() },
  controls: { expanded: true },
  options: { storySort: { order: ['Introduction', 'Theme', 'Components', '*'] } },
};
