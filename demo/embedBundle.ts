import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Everything dist/embed.js is built from. */
const SOURCES = ['src', 'vite.embed.config.ts', 'vite.config.ts'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** What {@link ensureEmbedBundle} reports. */
export interface EmbedBundle {
  /** The built script tag bundle. */
  file: string;
  /** Resolves once the file is usable: `true`, or `false` when a needed build failed. */
  ready: Promise<boolean>;
  /** Stops a build still running (on shutdown). */
  cancel(): void;
}

/**
 * dist/embed.js for the marketing page: built in the background (`vite build -c vite.embed.config.ts`)
 * when it is missing or older than its sources, so the demo starts at once and the page waits for it.
 */
export function ensureEmbedBundle(root: string, log: (line: string) => void): EmbedBundle {
  const file = join(root, 'dist/embed.js');
  const built = existsSync(file) ? statSync(file).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map((s) => newest(join(root, s))))) {
    return { file, ready: Promise.resolve(true), cancel() {} };
  }
  log(`Building dist/embed.js for the marketing page (${built ? 'older than src/' : 'missing'})…`);
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '-c',
      'vite.embed.config.ts',
      '--logLevel',
      'error',
    ],
    // its own process group member still: Ctrl-C reaches it as well
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const ready = new Promise<boolean>((resolve) => {
    child.once('error', (error) => {
      log(`Could not build dist/embed.js (${error.message}): the marketing page has no embeds.`);
      resolve(false);
    });
    child.once('exit', (code, signal) => {
      if (code === 0) {
        log('Built dist/embed.js.');
        return resolve(true);
      }
      if (signal === null) {
        const why = errors.trim().split('\n').slice(-5).join('\n  ');
        log(
          `Building dist/embed.js failed (exit ${code}); the marketing page has no embeds. Try: npx vite build -c vite.embed.config.ts\n  ${why}`,
        );
      }
      resolve(existsSync(file) && code === 0);
    });
  });
  return {
    file,
    ready,
    cancel() {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
