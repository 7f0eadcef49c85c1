import { builtinModules } from 'node:module';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

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

export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        mock: 'src/mock/index.ts',
        'mock-browser': 'src/mock/browser.ts',
        'mock-cli': 'src/mock/cli.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: { external },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 15_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
  },
});
