import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/mock/server';

const run = promisify(execFile);
const EXAMPLE = 'test/readme/client-example.ts';
let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function runExample(env: Record<string, string>) {
  const child = run(process.execPath, ['--import', 'tsx', EXAMPLE], {
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 30_000,
  });
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('docs/client.md quickstart', () => {
  it('is the code the docs show', () => {
    const readme = readFileSync(resolve(process.cwd(), 'docs/client.md'), 'utf8');
    const example = readFileSync(resolve(process.cwd(), EXAMPLE), 'utf8')
      .replace("'../../src/index'", "'contentstats-kit'")
      .trim();
    expect(readme).toContain(example);
  });

  it('runs unchanged against the local API with only the two environment variables', async () => {
    server = await startMockServer({ port: 0 });
    const { code, stdout, stderr } = await runExample({
      CONTENTSTATS_API_KEY: 'cs_demo_key',
      CONTENTSTATS_API_URL: server.url,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\S+: \d+ views, \d+ requests left\n$/);
    expect(server.api.requestCount('POST /api/v1/videos/track')).toBe(1);
  });

  it('exits non-zero with the error code when the key is refused', async () => {
    server = await startMockServer({ port: 0 });
    const { code, stderr } = await runExample({
      CONTENTSTATS_API_KEY: 'not_a_key',
      CONTENTSTATS_API_URL: server.url,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^unauthorized .*401.* not_applied\n$/);
  });
});
