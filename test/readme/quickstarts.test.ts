import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every quickstart in the README is a file that runs: the demo serves the React and script-tag ones and
// its browser tests use them (test/e2e/demo.test.ts); demo/server.ts is the proxy the whole demo runs on.
const readme = readFileSync('README.md', 'utf8');
const read = (path: string) => readFileSync(path, 'utf8');

describe('README quickstarts are tested files', () => {
  it('React: demo/dashboard/quickstart.tsx, with the package name', () => {
    const file = read('demo/dashboard/quickstart.tsx').replace(
      "'../../src/react/index.js'",
      "'contentstats-kit/react'",
    );
    expect(readme).toContain(`\`\`\`tsx\n${file.trim()}\n\`\`\``);
  });

  it('script tag: demo/marketing/quickstart.html', () => {
    expect(readme).toContain(`\`\`\`html\n${read('demo/marketing/quickstart.html').trim()}\n\`\`\``);
  });

  it('proxy: mountContentStats, as demo/server.ts has it', () => {
    const file = read('demo/server.ts');
    const start = file.indexOf('/** Mounts the token endpoint and the proxy');
    const end = file.indexOf('// run as a script');
    expect(start).toBeGreaterThan(0);
    expect(readme).toContain(`\`\`\`ts\n${file.slice(start, end).trim()}\n\`\`\``);
  });

  it('theme variables: the table of every --cs-* variable, as src/theme/TOKENS.md generates it', () => {
    const tokens = read('src/theme/TOKENS.md');
    const table = tokens.slice(tokens.indexOf('| Variable')).trim();
    expect(table.split('\n').length).toBeGreaterThan(30);
    expect(readme).toContain(table);
  });
});
