import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// `--chaos` end to end: the CLI a developer runs injects the faults it was asked for, says so, and
// refuses a spec it cannot honour.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/mock/cli.ts', ...args], { cwd: ROOT });
  children.push(child);
  return child;
}

function output(child: ChildProcessWithoutNullStreams) {
  const seen = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    seen.stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    seen.stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { seen, exited };
}

describe('contentstats-mock --chaos', () => {
  it('answers with the faults asked for and prints them', async () => {
    const child = runCli(['--port', '0', '--chaos', 'error=1,error-status=503,seed=cli']);
    const { seen, exited } = output(child);
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /ContentStats local API: (http:\/\/\S+)/.exec(seen.stdout);
        if (match?.[1] && seen.stdout.includes('Press Ctrl+C')) resolve(match[1]);
      });
      child.on('close', (code) => reject(new Error(`exited with ${code}: ${seen.stderr}`)));
    });
    expect(seen.stdout).toContain('Chaos: faults injected on purpose (error=1, errorStatuses=503, seed=cli)');
    const response = await fetch(`${url}/api/v1/usage`, { headers: { 'X-API-Key': 'cs_demo_key' } });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'Chaos: the local API answered 503 on purpose.' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);

  it('refuses a spec it cannot honour, with exit code 2 and the reason', async () => {
    const child = runCli(['--chaos', 'error=0.7,stall=0.5']);
    const { seen, exited } = output(child);
    expect(await exited).toBe(2);
    expect(seen.stderr).toContain('chaos rates add up to 1.2; at most 1');
  }, 20_000);
});
