import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every TypeScript example in docs/ type-checks against the package's public entries, so a renamed
// option or export breaks this test instead of a reader's copy. (The README's quickstarts and the
// client and hooks examples in docs/ also run: see the other tests in this folder.)

const ROOT = resolve('.');
const OUT = join(ROOT, 'test-results', 'doc-snippets');
/** Examples the docs say are untested sketches for libraries this package does not install. */
const SKETCHES = [/from 'redis'/];

// what the examples leave to the reader's app: declared with the types a real app would give them
const PRELUDE = `
declare function sessionUser(cookie: string | null): Promise<{ id: string } | null>;
declare const app: import('express').Express;
declare const createClient: typeof import('contentstats-kit').createClient;
declare const startMockServer: typeof import('contentstats-kit/mock').startMockServer;
declare module '@/auth' {
  export function auth(): Promise<{ user: { id: string } } | null>;
}
`;

const ENTRIES: Record<string, string> = {
  'contentstats-kit': 'src/index.ts',
  'contentstats-kit/query': 'src/query/index.ts',
  'contentstats-kit/react': 'src/react/index.ts',
  'contentstats-kit/proxy': 'src/proxy/index.ts',
  'contentstats-kit/proxy/redis': 'src/proxy/redis.ts',
  'contentstats-kit/mock': 'src/mock/index.ts',
  'contentstats-kit/mock/msw': 'src/mock/msw.ts',
  'contentstats-kit/embed': 'src/embed/module.ts',
};

interface Snippet {
  file: string;
  line: number;
  code: string;
}

function snippets(): Snippet[] {
  const found: Snippet[] = [];
  for (const name of readdirSync('docs').filter((f) => f.endsWith('.md'))) {
    const lines = readFileSync(join('docs', name), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]?.trim() !== '```ts') continue;
      const end = lines.indexOf('```', i + 1);
      if (end === -1) throw new Error(`docs/${name}:${i + 1}: unclosed code block`);
      found.push({ file: `docs/${name}`, line: i + 1, code: lines.slice(i + 1, end).join('\n') });
      i = end;
    }
  }
  return found;
}

describe('docs/ TypeScript examples', () => {
  it('type-check against the public entries', () => {
    const all = snippets();
    const checked = all.filter((s) => !SKETCHES.some((re) => re.test(s.code)));
    // the proxy (Express, Next.js, Redis), local API and client examples at least
    expect(checked.length).toBeGreaterThanOrEqual(6);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const names = new Map<string, Snippet>();
    checked.forEach((snippet, n) => {
      const name = `snippet${n}.ts`;
      names.set(name, snippet);
      // `export {}`: every example is a module (top-level await, no globals leaking between them)
      writeFileSync(join(OUT, name), `${snippet.code}\nexport {};\n`);
    });
    writeFileSync(join(OUT, 'prelude.d.ts'), PRELUDE);
    writeFileSync(
      join(OUT, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: true,
          noEmit: true,
          types: ['node'],
          paths: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, [join(ROOT, v)]])),
        },
        files: ['prelude.d.ts', ...names.keys()],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', OUT], {
        encoding: 'utf8',
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    // name the doc and line, not the temporary file
    const errors = output
      .split('\n')
      .filter((line) => line.includes('error TS'))
      .map((line) => {
        const match = /snippet\d+\.ts/.exec(line);
        const snippet = match ? names.get(match[0]) : undefined;
        return snippet ? `${snippet.file} (block at line ${snippet.line}): ${line}` : line;
      })
      // errors inside src/ are the main typecheck's to report
      .filter((line) => !line.startsWith('../../src/'));
    expect(errors).toEqual([]);
  }, 120_000);
});
