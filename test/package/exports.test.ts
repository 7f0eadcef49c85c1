import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

// What a user gets from `import ... from 'contentstats-kit/...'`: the built files through the
// package's own "exports" map (Node resolves a package's own name from inside it).
beforeAll(() => {
  if (!existsSync('dist/index.js') || !existsSync('dist/types/index.d.ts')) {
    execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  }
}, 120_000);

function exportsOf(specifier: string): string[] {
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()));`,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}

describe('package entry points, as built', () => {
  it.each([
    [
      'contentstats-kit',
      ['createClient', 'ContentStatsError', 'parseVideoLink', 'estimateCost', 'parseCount', 'toPoints'],
    ],
    [
      'contentstats-kit/react',
      [
        'ContentStatsProvider',
        'useSnapshots',
        'useTrackVideo',
        'useUsage',
        'useStopTracking',
        'videoQueryOptions',
      ],
    ],
    [
      'contentstats-kit/proxy',
      ['createProxy', 'expressProxy', 'mintToken', 'verifyToken', 'createTokenEndpoint'],
    ],
    ['contentstats-kit/mock', ['createMockApi', 'startMockServer', 'DEMO_API_KEY', 'verifyWebhookSignature']],
    ['contentstats-kit/mock/msw', ['createHandlers', 'handlers']],
  ])('%s exports its API', (specifier, names) => {
    expect(exportsOf(specifier)).toEqual(expect.arrayContaining(names));
  });

  it('the contentstats-mock bin runs', () => {
    const help = execFileSync(process.execPath, ['dist/mock-cli.js', '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/--port/);
    expect(help).toMatch(/--key/);
  });

  it("keeps 'use client' on the React entry", () => {
    const head = execFileSync('head', ['-c', '20', 'dist/react.js'], { encoding: 'utf8' });
    expect(head.startsWith('"use client"') || head.startsWith("'use client'")).toBe(true);
  });
});
