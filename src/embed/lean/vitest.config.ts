import { fileURLToPath } from 'node:url';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { defineConfig } from 'vitest/config';
import { preactAliases } from '../../../vite.config.js';

export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  plugins: [vanillaExtractPlugin()],
  resolve: {
    alias: [
      { find: /^@testing-library\/react$/, replacement: '@testing-library/preact' },
      {
        find: /^@tanstack\/query-core$/,
        replacement: fileURLToPath(new URL('./query-core.ts', import.meta.url)),
      },
      { find: /^@visx\/shape$/, replacement: fileURLToPath(new URL('./shape.tsx', import.meta.url)) },
      { find: /^react$/, replacement: fileURLToPath(new URL('./react.ts', import.meta.url)) },
      { find: /^react-dom\/client$/, replacement: fileURLToPath(new URL('./react.ts', import.meta.url)) },
      ...preactAliases,
    ],
  },
  test: {
    name: 'lean',
    testTimeout: 15_000,
    include: ['test/react/hooks.test.tsx', 'test/components/*.test.tsx', 'test/react/refresh.test.tsx'],
    exclude: ['test/components/*ssr*.test.tsx'],
    environment: 'node',
    server: { deps: { inline: [/@testing-library\/preact/] } },
  },
});
