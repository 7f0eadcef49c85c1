import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook for designers and for tests: every story also runs as a Vitest browser test
 * (the `storybook` project in vite.config.ts). The addon list is pinned by
 * test/storybook/config.test.ts: without `@storybook/addon-a11y` the a11y gate would vanish silently.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    '@storybook/addon-docs',
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    'msw-storybook-addon',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  // the MSW service worker (mockServiceWorker.js, from `npx msw init .storybook/public`)
  staticDirs: ['./public'],
  // props tables read the TSDoc of props declared in other files too
  typescript: { reactDocgen: 'react-docgen-typescript' },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
