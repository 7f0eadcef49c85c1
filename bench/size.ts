/**
 * Size: gzip (level 9) and brotli (quality 11) of dist/embed.js and of each React component
 * tree-shaken out of dist/react.js (React external), beside reference builds made in this run
 * with the same bundler and minifier (rolldown, `minify: true`, one ES chunk, NODE_ENV
 * production): Recharts, Chart.js, uPlot, @visx/xychart line charts and Preact alone.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSource, COMPONENTS, componentBundle, REACT, type Sizes, sizes } from '../scripts/size.mjs';
import { type Bench, type Row, ratio, type Target } from './lib.js';

const KB = 1000;
const EMBED_BUDGET = 45 * KB;
const DEFINE = { 'process.env.NODE_ENV': JSON.stringify('production') };
const REACT_EXTERNAL = (id: string): boolean => REACT.test(id);

/** A reference build: what an app adds to draw a line chart with that library. */
interface Reference {
  name: string;
  /** What the entry imports, for the table. */
  what: string;
  source: string;
  /** React and react-dom stay external, as for our React components. */
  react: boolean;
}

const REFERENCES: readonly Reference[] = [
  {
    name: 'Recharts 3 line chart',
    what: 'LineChart, XAxis, YAxis, Tooltip, Line',
    source: `export { LineChart, XAxis, YAxis, Tooltip, Line } from 'recharts';`,
    react: true,
  },
  {
    // the tree-shaken registration from Chart.js' integration docs, for a line chart on
    // category/linear axes (no time scale, so no date adapter) with a tooltip
    name: 'Chart.js 4 line chart',
    what: 'Chart + LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip',
    source: [
      `import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';`,
      'Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);',
      'export { Chart };',
    ].join('\n'),
    react: false,
  },
  {
    name: 'uPlot 1.6',
    what: 'uPlot (ESM build; its 0.76 KB gzip stylesheet apart)',
    source: `export { default } from 'uplot';`,
    react: false,
  },
  {
    name: '@visx/xychart 4 line chart',
    what: 'XYChart, AnimatedAxis, LineSeries, Tooltip',
    source: `export { XYChart, AnimatedAxis, LineSeries, Tooltip } from '@visx/xychart';`,
    react: true,
  },
  {
    name: '@visx/xychart 4, no animation',
    what: 'XYChart, Axis, LineSeries, Tooltip',
    source: `export { XYChart, Axis, LineSeries, Tooltip } from '@visx/xychart';`,
    react: true,
  },
  {
    name: 'Preact 11 alone',
    what: 'preact + preact/hooks, every export',
    source: `export * from 'preact';\nexport * from 'preact/hooks';`,
    react: false,
  },
];

const kb = (bytes: number): string => (bytes / KB).toFixed(2);

/** Newest modification time of the files that make dist/ (sources and build configs). */
function newestSource(): number {
  let newest = 0;
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit('src');
  for (const file of ['vite.config.ts', 'vite.embed.config.ts', 'package.json'])
    newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

/** Builds dist/ when a file it is made from changed after it was built (or it is missing). */
export function ensureBuilt(): string {
  const outputs = ['dist/embed.js', 'dist/react.js'];
  let built = Number.POSITIVE_INFINITY;
  try {
    for (const file of outputs) built = Math.min(built, statSync(file).mtimeMs);
  } catch {
    built = 0;
  }
  if (built >= newestSource()) return 'dist/ was up to date with src/ (not rebuilt)';
  console.log('size: dist/ is missing or older than src/, running npm run build …');
  execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return 'dist/ was rebuilt by this run (npm run build) from the working tree';
}

function sizeColumns(s: Sizes): Row {
  return { 'raw KB': kb(s.raw), 'gzip KB': kb(s.gzip), 'brotli KB': kb(s.brotli) };
}

function gitState(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'vite.embed.config.ts'], {
      encoding: 'utf8',
    }).trim();
    return dirty === '' ? `git ${head}` : `git ${head} with uncommitted changes in src/ or the embed config`;
  } catch {
    return 'git state unknown';
  }
}

/** The size section of `npm run bench`. */
export const bench: Bench = {
  id: 'size',
  async run() {
    const buildNote = ensureBuilt();
    const embed = sizes(readFileSync('dist/embed.js'));
    const options = { define: DEFINE, platform: 'browser' as const };
    const components = new Map<string, Sizes>();
    for (const name of COMPONENTS) components.set(name, sizes(await componentBundle(name, options)));
    const chart = components.get('SnapshotChart');
    if (!chart) throw new Error('SnapshotChart is not among the measured components');

    const references = new Map<string, Sizes>();
    for (const ref of REFERENCES) {
      const bytes = await bundleSource(ref.source, {
        ...options,
        ...(ref.react ? { external: REACT_EXTERNAL } : {}),
      });
      references.set(ref.name, sizes(bytes));
    }

    const rows: Row[] = [
      {
        build: 'ours: dist/embed.js',
        contents: 'all six elements, Preact, data layer and CSS, one IIFE',
        ...sizeColumns(embed),
        'their gzip / embed.js': null,
        'their gzip / SnapshotChart': null,
      },
      ...COMPONENTS.map((name) => ({
        build: `ours: ${name}`,
        contents: 'from dist/react.js, React external, styles.css apart',
        ...sizeColumns(components.get(name) as Sizes),
        'their gzip / embed.js': null,
        'their gzip / SnapshotChart': null,
      })),
      ...REFERENCES.map((ref) => {
        const s = references.get(ref.name) as Sizes;
        return {
          build: ref.name,
          contents: ref.what + (ref.react ? ', React external' : ''),
          ...sizeColumns(s),
          'their gzip / embed.js': ratio(s.gzip / embed.gzip),
          'their gzip / SnapshotChart': ref.react ? ratio(s.gzip / chart.gzip) : null,
        };
      }),
    ];

    const gzipOf = (name: string): number => (references.get(name) as Sizes).gzip;
    const recharts = gzipOf('Recharts 3 line chart');
    const chartJs = gzipOf('Chart.js 4 line chart');
    const targets: Target[] = [
      {
        name: 'dist/embed.js, gzip',
        target: '≤ 45 KB',
        measured: `${kb(embed.gzip)} KB`,
        met: embed.gzip <= EMBED_BUDGET,
      },
      {
        name: 'dist/embed.js smaller than the Recharts line chart alone (their gzip / ours)',
        target: '> 1×',
        measured: ratio(recharts / embed.gzip),
        met: embed.gzip < recharts,
      },
      {
        name: 'dist/embed.js smaller than the Chart.js line chart alone (their gzip / ours)',
        target: '> 1×',
        measured: ratio(chartJs / embed.gzip),
        met: embed.gzip < chartJs,
      },
    ];

    return {
      id: 'size',
      title: 'Bundle size: gzip (level 9) and brotli (quality 11), KB = 1,000 bytes',
      description:
        'What a page or app adds for each build. Every row except dist/embed.js is bundled in this run by ' +
        'rolldown (minify: true, one ES chunk, process.env.NODE_ENV = "production", browser resolution); ' +
        'dist/embed.js is the shipped script built by vite.embed.config.ts (rolldown too). Ratios are ' +
        'their gzip divided by ours: above 1× means ours is smaller.',
      rows,
      targets,
      notes: [
        `${buildNote}; ${gitState()}.`,
        'dist/embed.js includes its CSS and Preact; the React components leave React and styles.css out; ' +
          'the references leave their stylesheets out (uPlot ships one) and carry no data layer, while ' +
          'ours include the API client and query cache.',
        'Sizes do not depend on machine load (the box is shared by several agents).',
      ],
    };
  },
};
