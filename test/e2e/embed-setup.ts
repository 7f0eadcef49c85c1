import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'dist/embed.js');
// everything the embed bundle is built from
const SOURCES = ['src', 'vite.embed.config.ts', 'vite.config.ts', 'package.json'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Builds dist/embed.js (and embed.mjs) when it is missing or older than its sources: the tests load the built file, as a page would. */
export default function setup(): void {
  const built = existsSync(BUNDLE) ? statSync(BUNDLE).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (built > sources) return;
  execFileSync(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '-c', 'vite.embed.config.ts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}
