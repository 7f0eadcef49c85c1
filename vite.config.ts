import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };
import { CHROMIUM, CHROMIUM_ARGS } from './test/helpers/chromium.js';

const deps = [
  ...Object.keys((pkg as { dependencies?: Record<string, string> }).dependencies ?? {}),
  ...Object.keys((pkg as { peerDependencies?: Record<string, string> }).peerDependencies ?? {}),
];
// bare deps and their subpaths (react/jsx-runtime) stay imports; node builtins too
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...deps.map((d) => new RegExp(`^${d.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')}(/.*)?$`)),
];

/** Exact-match aliases from React to Preact; order matters (see TOOLCHAIN.md). */
export const preactAliases = [
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/**
 * The embed's swap of the client's developer-facing error messages (src/client/internal/messages.ts)
 * for short ones (src/embed/lean/messages.ts): its elements show `labels` instead. A module of ours
 * is imported by relative path, which an alias cannot match, so this resolves every relative import
 * and swaps the one that lands on the original. Fails a build that never loaded the lean module.
 */
export function leanMessages(): Plugin {
  const original = fileURLToPath(new URL('./src/client/internal/messages.ts', import.meta.url));
  const lean = fileURLToPath(new URL('./src/embed/lean/messages.ts', import.meta.url));
  return {
    name: 'contentstats-lean-messages',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.') || !/(^|\/)messages\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === original ? lean : null;
    },
    // builds only (Vitest's dev server never generates a bundle)
    generateBundle() {
      if (this.getModuleInfo(original)) this.error(`${original} was bundled: the swap failed`);
    },
  };
}

export default defineConfig({
  publicDir: false,
  // component styles (src/**/*.css.ts) compile to static CSS: dist/styles.css
  plugins: [vanillaExtractPlugin()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        query: 'src/query/index.ts',
        react: 'src/react/index.ts',
        proxy: 'src/proxy/index.ts',
        'proxy-redis': 'src/proxy/redis.ts',
        mock: 'src/mock/index.ts',
        'mock-browser': 'src/mock/browser.ts',
        'mock-msw': 'src/mock/msw.ts',
        'mock-cli': 'src/mock/cli.ts',
      },
      formats: ['es'],
      // library mode never inlines CSS: it ships beside the JS as contentstats-kit/styles.css
      cssFileName: 'styles',
    },
    rolldownOptions: {
      external,
      onwarn(warning, warn) {
        // 'use client' on the React entry is kept on the entry chunk, which is what frameworks read
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    testTimeout: 15_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          environment: 'node',
        },
      },
      {
        // pages in real Chromium against built bundles (test/e2e); the setup rebuilds a stale dist/embed.js
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/embed-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          typecheck: { enabled: false },
        },
      },
      {
        // the hook suite again, with React swapped for preact/compat as the embed does
        extends: true,
        resolve: {
          alias: [
            { find: /^@testing-library\/react$/, replacement: '@testing-library/preact' },
            ...preactAliases,
          ],
        },
        test: {
          name: 'preact',
          // the hooks and the components, as the script-tag embed runs them
          include: ['test/react/hooks.test.tsx', 'test/components/*.test.tsx'],
          // server rendering goes through react-dom/server, which has no preact/compat alias here
          exclude: ['test/components/*ssr*.test.tsx'],
          setupFiles: ['test/preact-setup.ts'],
          typecheck: { enabled: false },
          // visx imports react itself: inline it so the alias reaches it too
          server: { deps: { inline: [/@testing-library\/preact/, /@visx\//] } },
        },
      },
      {
        // the same suites against the lean modules the script-tag embed ships instead of query-core,
        // @visx/shape and preact/compat (vite.embed.config.ts): they must behave as the real ones
        extends: true,
        resolve: {
          alias: [
            { find: /^@testing-library\/react$/, replacement: '@testing-library/preact' },
            {
              find: /^@tanstack\/query-core$/,
              replacement: fileURLToPath(new URL('./src/embed/lean/query-core.ts', import.meta.url)),
            },
            {
              find: /^@visx\/shape$/,
              replacement: fileURLToPath(new URL('./src/embed/lean/shape.tsx', import.meta.url)),
            },
            {
              find: /^react$/,
              replacement: fileURLToPath(new URL('./src/embed/lean/react.ts', import.meta.url)),
            },
            {
              find: /^react-dom\/client$/,
              replacement: fileURLToPath(new URL('./src/embed/lean/react.ts', import.meta.url)),
            },
            ...preactAliases,
          ],
        },
        plugins: [leanMessages()],
        test: {
          name: 'embed-lean',
          include: ['test/react/hooks.test.tsx', 'test/components/*.test.tsx', 'test/react/refresh.test.tsx'],
          exclude: ['test/components/*ssr*.test.tsx'],
          setupFiles: ['test/preact-setup.ts'],
          typecheck: { enabled: false },
          server: { deps: { inline: [/@testing-library\/preact/] } },
        },
      },
      {
        // every story is a test in Chromium: renders, no console.error, no axe violation
        // (not `extends`: Storybook's plugin brings its own Vite config, trap 10 of TOOLCHAIN.md)
        plugins: process.env.VITEST
          ? [
              // loaded only under Vitest: `vite build` and Storybook itself read this file too
              import('@storybook/addon-vitest/vitest-plugin').then((m) =>
                m.storybookTest({ configDir: '.storybook' }),
              ),
              vanillaExtractPlugin(),
            ]
          : [],
        test: {
          name: 'storybook',
          setupFiles: ['.storybook/vitest.setup.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM,
                args: [...CHROMIUM_ARGS],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
