// `npm run size`: gzip (level 9) and brotli (quality 11) sizes, as size-limit's file plugin measures
// them, of the built embed and stylesheet, and of each React component tree-shaken out of
// dist/react.js with React external (what an app adds for one component). Run after `npm run
// build`. Exits 1 when dist/embed.js is over its budget.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
// Vite 8's bundler: tree-shakes one export of the built React entry
import { rolldown } from 'rolldown';

const KB = 1000;
const EMBED_BUDGET = 45 * KB;
export const COMPONENTS = [
  'SnapshotChart',
  'SnapshotTable',
  'MetricSummary',
  'VideoTracker',
  'UsageMeter',
  'VideoList',
];
export const REACT = /^(react|react-dom)(\/.*)?$/;

/** gzip (level 9) and brotli (quality 11) sizes of `bytes`; bench/size.ts measures with this too. */
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

function line(name, { raw, gzip, brotli }, note = '') {
  const kb = (n, digits) => (n / KB).toFixed(digits).padStart(6);
  console.log(
    `${name.padEnd(24)} ${kb(raw, 1)} KB raw ${kb(gzip, 2)} KB gzip ${kb(brotli, 2)} KB brotli${note}`,
  );
}

/**
 * `source` (an ES module, resolved from the working directory) bundled and minified by rolldown
 * as one ES chunk: what it adds to an app. `external` ids stay imports; `define` replaces globals
 * (`process.env.NODE_ENV`), as an app's production build does.
 */
export async function bundleSource(source, { external = () => false, define, platform } = {}) {
  const entry = '\0size-entry';
  const bundle = await rolldown({
    input: entry,
    external,
    logLevel: 'silent',
    ...(platform ? { platform } : {}),
    ...(define ? { transform: { define } } : {}),
    plugins: [
      {
        name: 'size-entry',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) => (id === entry ? source : null),
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'es', minify: true });
  await bundle.close();
  return Buffer.from(output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join(''));
}

/** One export of dist/react.js tree-shaken with React external, minified by rolldown. */
export function componentBundle(name, options = {}) {
  const source = `export { ${name} } from ${JSON.stringify(`${process.cwd()}/dist/react.js`)};`;
  return bundleSource(source, { ...options, external: (id) => REACT.test(id) });
}

// bench/size.ts imports the functions above; only `npm run size` prints and checks the budget
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const embed = sizes(readFileSync('dist/embed.js'));
  line('dist/embed.js', embed, ` (budget ${(EMBED_BUDGET / KB).toFixed(1)} KB gzip)`);
  line('dist/styles.css', sizes(readFileSync('dist/styles.css')));
  console.log('React components, React external, styles.css apart:');
  for (const name of COMPONENTS) line(`  ${name}`, sizes(await componentBundle(name)));

  if (embed.gzip > EMBED_BUDGET) {
    console.error(
      `dist/embed.js is ${embed.gzip - EMBED_BUDGET} B over its budget of ${EMBED_BUDGET} B gzip`,
    );
    process.exit(1);
  }
}
