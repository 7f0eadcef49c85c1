import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import main from '../../.storybook/main.js';
import { parameters } from '../../.storybook/parameters.js';

// Storybook ignores `parameters.a11y` silently when the a11y addon is not registered
// (TOOLCHAIN.md trap 12): both clean and violating stories would then pass.
describe('Storybook configuration keeps its test gates', () => {
  it('registers the a11y, vitest, docs and MSW addons', () => {
    const names = (main.addons ?? []).map((addon) => (typeof addon === 'string' ? addon : addon.name));
    expect(names).toEqual(
      expect.arrayContaining([
        '@storybook/addon-a11y',
        '@storybook/addon-vitest',
        '@storybook/addon-docs',
        'msw-storybook-addon',
      ]),
    );
  });

  it('fails stories on axe violations', () => {
    expect(parameters.a11y).toMatchObject({ test: 'error' });
  });

  it('serves the MSW service worker from a static dir', () => {
    expect(main.staticDirs).toContain('./public');
    const worker = new URL('../../.storybook/public/mockServiceWorker.js', import.meta.url);
    expect(readFileSync(worker, 'utf8')).toContain('Mock Service Worker');
  });

  it('runs a setup file that fails on console.error and on a missing a11y report', () => {
    const setup = new URL('../../.storybook/vitest.setup.ts', import.meta.url);
    expect(existsSync(setup)).toBe(true);
    const text = readFileSync(setup, 'utf8');
    expect(text).toContain("vi.spyOn(console, 'error')");
    expect(text).toContain("report.type === 'a11y'");
  });
});
