import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../../src/mock/internal/cli-args';
import { packageVersion } from '../../src/mock/internal/version';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/mock/cli.ts', ...args], { cwd: ROOT });
  children.push(child);
  return child;
}

function exitOf(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, stdout })));
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Resolves with stdout once the URL line is out. */
function waitForUrl(child: ChildProcessWithoutNullStreams): Promise<{ url: string; stdout: () => string }> {
  let stdout = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /ContentStats local API: (http:\/\/\S+)/.exec(stdout);
      if (match && stdout.includes('Press Ctrl+C')) resolve({ url: match[1]!, stdout: () => stdout });
    });
    child.on('close', (code) => reject(new Error(`CLI exited with ${code} before listening: ${stdout}`)));
  });
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('mock-api CLI', () => {
  it('listens, prints the URL and keys, serves requests with the given key, and exits on SIGTERM', async () => {
    const child = runCli(['--port', '0', '--key', 'k1:free:5']);
    const exited = exitOf(child);
    const { url, stdout } = await waitForUrl(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stdout()).toMatch(/k1 {2}plan=free {2}balance=\$5\.00/);
    expect(stdout()).toContain(`curl -s ${url}/api/v1/usage -H 'X-API-Key: k1'`);

    const res = await fetch(`${url}/api/v1/usage`, { headers: { 'X-API-Key': 'k1' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ plan: 'free', balance_usd: 5 });
    expect((await fetch(`${url}/api/v1/usage`, { headers: { 'X-API-Key': 'cs_demo_key' } })).status).toBe(
      401,
    );

    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  });

  it('exits with code 2 and a clear message on a bad flag', async () => {
    const [badPlan, unknown] = await Promise.all([
      exitOf(runCli(['--key', 'bad:plan'])),
      exitOf(runCli(['--bogus'])),
    ]);
    expect(badPlan.code).toBe(2);
    expect(badPlan.stderr).toMatch(/unknown plan "plan"/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--bogus/);
    // messages name the bin a user can actually run
    expect(unknown.stderr).toMatch(/^contentstats-mock: /);
    expect(unknown.stderr).toContain('Run contentstats-mock --help');
  });

  it('--help names the real bin and the npm script', async () => {
    const help = await exitOf(runCli(['--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: contentstats-mock \[options\]/);
    expect(help.stdout).toContain('npm run mock-api -- [options]');
    expect(help.stdout).not.toContain('contentstats-mock-api');
    expect(help.stdout).toMatch(/--version/);
  });

  it('--version and -v print the package version and exit 0', async () => {
    const [long, short] = await Promise.all([exitOf(runCli(['--version'])), exitOf(runCli(['-v']))]);
    expect(long).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect(short).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });
});

describe('packageVersion', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('finds the package from the built bin’s folder, as dist/mock-cli.js runs', () => {
    expect(packageVersion(new URL('../../dist/mock-cli.js', import.meta.url))).toBe(VERSION);
  });

  it('reads the installed contentstats-kit, not the app around it', () => {
    const app = mkdtempSync(join(tmpdir(), 'csk-version-'));
    dirs.push(app);
    const pkg = join(app, 'node_modules', 'contentstats-kit');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'my-app', version: '1.0.0' }));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'contentstats-kit', version: '9.8.7' }));
    expect(packageVersion(pathToFileURL(join(pkg, 'dist', 'mock-cli.js')))).toBe('9.8.7');
    expect(() => packageVersion(pathToFileURL(join(app, 'elsewhere.js')))).toThrow(/package\.json/);
  });
});

describe('CLI argument parsing', () => {
  it('asks for the version with --version or -v', () => {
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseCliArgs(['-v'])).toEqual({ kind: 'version' });
  });

  it('defaults to the demo key on port 4010', () => {
    expect(parseCliArgs([])).toMatchObject({
      kind: 'serve',
      port: 4010,
      host: '127.0.0.1',
      demoKey: true,
      keys: [{ key: 'cs_demo_key', plan: 'pro', balance_usd: 100 }],
      speed: 1,
    });
  });

  it('parses repeated keys, speed, start, seed and a webhook', () => {
    expect(
      parseCliArgs([
        '--key',
        'a',
        '--key',
        'b:enterprise:250.5',
        '--speed',
        '3600',
        '--start',
        '2024-01-29T10:00:00Z',
        '--seed',
        'x',
        '--webhook-url',
        'http://localhost:3000/hook',
        '--webhook-secret',
        'whsec_abc',
      ]),
    ).toEqual({
      kind: 'serve',
      port: 4010,
      host: '127.0.0.1',
      demoKey: false,
      keys: [
        { key: 'a', plan: 'pro', balance_usd: 100 },
        { key: 'b', plan: 'enterprise', balance_usd: 250.5 },
      ],
      speed: 3600,
      start: Date.parse('2024-01-29T10:00:00Z'),
      seed: 'x',
      webhook: { url: 'http://localhost:3000/hook', secret: 'whsec_abc' },
    });
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--speed', '0']],
    [['--start', 'yesterday']],
    [['--key', 'k:pro:-1']],
    [['--key', 'k:pro:1e13']], // above MAX_BALANCE_USD: mills would no longer be exact
    [['--key', 'k:pro:5:extra']],
    [['--key', 'k', '--key', 'k']],
    [['--webhook-url', 'http://x']],
    [['--webhook-url', 'ftp://x', '--webhook-secret', 'whsec_a']],
    [['--webhook-url', 'http://x', '--webhook-secret', 'secret']],
    [['positional']],
  ])('refuses %j', (args) => {
    expect(() => parseCliArgs(args)).toThrow(CliUsageError);
  });
});
