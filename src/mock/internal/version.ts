import { readFileSync } from 'node:fs';

const PACKAGE_NAME = 'contentstats-kit';

/**
 * Version of the installed `contentstats-kit`, read from its `package.json` at run time: the
 * nearest one named `contentstats-kit` above `from`. Read rather than inlined because the type
 * build may not import files outside `src`; walking up finds it from `src/mock/internal/` (tsx),
 * from `dist/` (the bin) and from `node_modules/contentstats-kit/dist/` alike.
 *
 * @throws Error when no such `package.json` is found (a broken install)
 */
export function packageVersion(from: string | URL = import.meta.url): string {
  let dir = new URL('.', from);
  for (;;) {
    const version = versionIn(new URL('package.json', dir));
    if (version !== undefined) return version;
    const parent = new URL('..', dir);
    if (parent.href === dir.href) break;
    dir = parent;
  }
  throw new Error(`Could not find the package.json of ${PACKAGE_NAME} above ${String(from)}.`);
}

function versionIn(file: URL): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // no package.json at this level
  }
  const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
  return pkg.name === PACKAGE_NAME && typeof pkg.version === 'string' ? pkg.version : undefined;
}
