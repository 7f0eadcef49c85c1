/**
 * The script-tag embed: src/embed → dist/embed.js (one minified IIFE, CSS inside, Preact in place
 * of React) and dist/embed.mjs (contentstats-kit/embed, the same elements as an ES module).
 * The React → Preact aliases live here and never in vite.config.ts, which Storybook merges.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { Features } from 'lightningcss';
import { type MinifyOptions, minify } from 'terser';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import { orderForGzip } from './scripts/gzip-order.js';
import { leanMessages, preactAliases } from './vite.config.js';

const PLACEHOLDER = '__CONTENTSTATS_EMBED_CSS__';

/**
 * The component CSS less what the embed never applies (~0.15 KB gzip): the `auto` theme class
 * (src/theme/themes.css.ts, the one rule with `color-scheme:light dark`, and its dark media rule),
 * since src/embed/styles.ts builds every theme on `:host` from the light and dark rules and resets
 * the variables to `inherit` on the component root, where only `color-scheme` would still come
 * from the class, and `:host` sets the same value; lightningcss's `--lightningcss-light/dark`
 * switches, which only a lowered `light-dark()` reads and our CSS has none; Vite's chunk marker.
 */
function embedCss(css: string, fail: (message: string) => never): string {
  const auto = [...css.matchAll(/\.([\w-]+)\{[^}]*color-scheme:light dark\}/g)];
  if (auto.length !== 1 || !auto[0]?.[1]) fail('the auto theme class rule was not found once in the CSS');
  const name = auto[0][1];
  let out = css
    .replace(auto[0][0], '')
    .replace(new RegExp(`@media \\(prefers-color-scheme:dark\\)\\{\\.${name}\\{[^}]*\\}\\}`), '');
  if (new RegExp(`\\.${name}\\b`).test(out)) fail(`the auto theme class .${name} is still in the CSS`);
  if (out.includes('var(--lightningcss-')) fail('the CSS reads --lightningcss-* switches: keep them');
  out = out.replace(/--lightningcss-(?:light|dark):[^;}]*;?/g, '').replace(/\/\*\$vite\$:\d+\*\//g, '');
  return out.trim();
}

// terser after rolldown's minifier: its repeated compress passes and its mangler (names by
// frequency) leave ~0.55 KB less gzip on dist/embed.js than rolldown's minifier alone.
// `unsafe_arrows` writes `function` expressions that read neither `this` nor `arguments` as
// arrows (−63 B gzip). Unsafe only for a function expression called with `new` or whose
// `prototype` is read: our classes are `class` declarations, and Preact, which reads a component's
// `prototype.render` to tell classes from functions, treats an arrow as the function it was.
const TERSER: MinifyOptions = {
  ecma: 2020,
  compress: { passes: 3, unsafe_arrows: true },
  format: { comments: false },
};

/** The function the CSS placeholder becomes a call of; declared at the end of the script. */
const CSS_FUNCTION = '__contentstatsCss';

/**
 * Moves the emitted CSS into the script: the CSS assets are collected and deleted, and the
 * placeholder string in src/embed/styles.ts (in whichever quotes the minifier chose) becomes a
 * call of a function declared at the very end of the script that returns the CSS text, so the
 * elements can adopt it into their shadow roots. Library mode never inlines CSS itself.
 *
 * At the end, not in the placeholder's place: function declarations are hoisted, so the CSS is
 * there from the first line, while its ~20 KB no longer sit in the middle of the code, where they
 * pushed the code before them out of gzip's 32 KB window for the code after them (−0.53 KB gzip).
 * The script tag's file gets the terser pass first, while the placeholder is still a short string.
 */
function cssIntoScript(format: 'iife' | 'es'): Plugin {
  return {
    name: 'contentstats-embed-css',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      let css = '';
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'asset' && name.endsWith('.css')) {
          css += typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          delete bundle[name];
        }
      }
      if (css === '') this.error('the embed build emitted no CSS: the components would render unstyled');
      const declaration = `function ${CSS_FUNCTION}(){return ${JSON.stringify(embedCss(css, (message) => this.error(message)))}}`;
      const pattern = new RegExp(`(["'\`])${PLACEHOLDER}\\1`, 'g');
      let replaced = 0;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        let code = file.code;
        if (format === 'iife') {
          const result = await minify(code, TERSER);
          if (result.code === undefined) this.error(`${file.fileName}: terser returned no code`);
          code = result.code;
        }
        if (code.includes(CSS_FUNCTION)) this.error(`${file.fileName}: ${CSS_FUNCTION} is taken`);
        const count = code.match(pattern)?.length ?? 0;
        if (count === 0) continue;
        replaced += count;
        code = code.replace(pattern, `${CSS_FUNCTION}()`);
        if (code.includes(PLACEHOLDER)) this.error(`${file.fileName}: CSS placeholder left in place`);
        if (format === 'es') {
          code = `${code.trimEnd()}\n${declaration}\n`;
        } else {
          // inside the IIFE's function, after its last statement: `…})();` or `…}();`
          const end = /\}\)?\(\);?\s*$/.exec(code);
          if (!end) this.error(`${file.fileName}: not an IIFE, nowhere to declare the CSS`);
          code = `${code.slice(0, end.index)};${declaration}${code.slice(end.index)}`;
          // function declarations in the order that gzips smallest (scripts/gzip-order.ts): ~3 s
          code = orderForGzip(code).code;
          // compiled, not run: a misplaced declaration fails the build, not a visitor's page
          new Script(code, { filename: file.fileName });
        }
        file.code = code;
      }
      if (replaced === 0) this.error('CSS placeholder not found in the embed bundle');
    },
  };
}

/** Every style file under `dir`, sorted: their positions name their CSS identifiers. */
function styleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css.ts'))
    .map((file) => `${dir}/${file.split('\\').join('/')}`)
    .sort();
}

/**
 * Class, variable and keyframe names for the embed's CSS: `_<file><n>` (`_30`, `_31`, … for the
 * fourth style file) instead of hashes. They only have to be unique inside our shadow roots,
 * where no page CSS reaches, and short names compress far better than random hashes. Stable from
 * build to build: the file's place among the sorted style files, then the order of its styles.
 * Lowercase and behind an underscore because vanilla-extract finds class names in selectors as
 * plain substrings (`ed` would match inside `aria-pressed`), and quirks-mode pages match classes
 * case-insensitively; the file part has a fixed width so no two names can coincide.
 */
function shortIdentifiers(): (params: { hash: string; filePath: string }) => string {
  const files = styleFiles('src');
  const width = Math.max(1, Math.ceil(Math.log(files.length + 1) / Math.log(36)));
  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  return ({ hash, filePath }) => {
    let name = names.get(hash);
    if (name === undefined) {
      const file = files.indexOf(filePath.split('\\').join('/'));
      if (file === -1) throw new Error(`${filePath}: not a style file under src/`);
      const n = counts.get(filePath) ?? 0;
      counts.set(filePath, n + 1);
      name = `_${file.toString(36).padStart(width, '0')}${n.toString(36)}`;
      names.set(hash, name);
    }
    return name;
  };
}

/**
 * query-core's option and state names. Inside the script only our hooks and query builders
 * (src/react, src/query) and the lean query-core that stands in for query-core use them, so the
 * build renames them like the `$…` members: −125 B gzip. None may be read through a string
 * (`'fetchStatus' in x`): it would keep its name while the property is renamed, so the build
 * fails when one is left (see `namesMangled`).
 */
const QUERY_CORE_NAMES = [
  'queryKey',
  'queryHash',
  'queryFn',
  'staleTime',
  'refetchInterval',
  'refetchIntervalInBackground',
  'refetchOnWindowFocus',
  'refetchOnReconnect',
  'notifyOnChangeProps',
  'dataUpdatedAt',
  'errorUpdatedAt',
  'fetchStatus',
  'isInvalidated',
  '_optimisticResults',
  '_defaulted',
  'mutationFn',
  'mutationKey',
  'onMutate',
  'onSettled',
  'submittedAt',
];

/**
 * Our own property names inside the script, renamed like query-core's (−296 B gzip): the query
 * layer's results and options, component props that only our elements pass, chart geometry, the
 * client's retry settings. Only names that never cross the script's edge: not in JSON from the API
 * or token endpoint, request bodies or query strings, not DOM or Intl options, not keys of objects
 * a page hands in (`labels`, `theme` overrides, page config), not event details, and not members of
 * the exported element classes or of what they hand a subclass's `renderContent` (the connection's
 * client and query client, their methods, options and results). Never read through a string either
 * (`namesMangled` fails the build on one: `errorInfo()` reads the error fields by name, so those
 * stay). Taken from the built script's property names by how many bytes each costs, then checked
 * against those rules.
 */
const INTERNAL_NAMES = [
  'exact',
  'point',
  'maxRetryAfterMs',
  'headingLevel',
  'variables',
  'isPaused',
  'nextSnapshotAt',
  'refetch',
  'getCurrentResult',
  'resetKey',
  'mutate',
  'videoId',
  'onRetry',
  'defaultPlatform',
  'baseDelayMs',
  'changeHours',
  'hoursSinceStartLabel',
  'lowBalanceThreshold',
  'money',
  'maxDelayMs',
  'fetchedAt',
  'isPending',
  'stopError',
  'onPlatformChange',
  'getSnapshot',
  'renderError',
  'deltaExact',
  'previousStatus',
  'daysHint',
  'moneyExact',
  'balanceLoading',
  'labelledBy',
  'geometry',
  'renderLoading',
  'shortDateTime',
  'linkError',
  'daysError',
  'retries',
  'auth',
  'onError',
  'knownBalance',
  'seriesHeader',
  'hiddenSeries',
  'renderEmpty',
  'describedBy',
  'sampledNote',
  'valueHeader',
  'onSelect',
  'defaultLink',
  'onHiddenSeriesChange',
  'getOptimisticResult',
  'defaultHiddenSeries',
  'defaultDurationDays',
  'setOptions',
  'atOrBefore',
  'invert',
  'timeHeader',
  'retryLabel',
  'onStop',
  'stoppingId',
  'atOrAfter',
  'isSuccess',
  'onSuccess',
  'onTracked',
  'warnAbove',
  'warnBelow',
  'refreshMarginMs',
  'defaultPageSize',
  'timedOut',
  'failures',
  'onViewExisting',
  'onToggle',
  'heights',
  'estimateCost',
  'deltaMetrics',
  'sampled',
  'trackResult',
  'mutateAsync',
  'defaultSort',
  'seriesLabel',
  'invalidate',
  'themes',
  'growthRate',
  'isFetching',
  'selectedId',
  'xTicks',
  'yTicks',
  'svgRef',
  'retryInMs',
  'pageSizes',
  'onExport',
  'nearest',
  'apiKey',
  'latest',
];

/**
 * Fails the build when a name the minifier was told to rename is still used as one: as a string
 * of its own (`'fetchStatus' in x`), a member (`.fetchStatus`) or a key (`{fetchStatus:`).
 * Inside other text (an error message) it may stay.
 */
function namesMangled(names: readonly string[]): Plugin {
  const list = names.join('|');
  const pattern = new RegExp(`(["'\`])(${list})\\1|\\.(${list})\\b|[{,]\\s*(${list})\\s*:`);
  return {
    name: 'contentstats-embed-names-mangled',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        const left = file.type === 'chunk' ? pattern.exec(file.code) : null;
        if (left) this.error(`${file.fileName}: "${left[0]}" kept its name (read through a string?)`);
      }
    },
  };
}

/**
 * A style file (`*.css.ts`) is kept for its CSS even when the bundler inlines every class name it
 * exports: package.json's `sideEffects` (`**\/*.css`) leaves it side-effect free, and short class
 * names are inlined as constants, which would drop the module and its CSS import with it.
 */
function styleFilesKeepCss(): Plugin {
  return {
    name: 'contentstats-embed-style-files-keep-css',
    enforce: 'post',
    transform(code, id) {
      if (!/\.css\.ts$/.test(id.split('?')[0] ?? '')) return null;
      return { code, map: null, moduleSideEffects: true };
    },
  };
}

/** The embed's Vite config for one format; exported for scripts that measure the bundle. */
export function embedConfig(format: 'iife' | 'es'): UserConfig {
  return {
    configFile: false,
    publicDir: false,
    resolve: {
      alias: [
        // React's API as far as the components use it, on Preact (before preactAliases: first match wins)
        {
          find: /^react$/,
          replacement: fileURLToPath(new URL('./src/embed/lean/react.ts', import.meta.url)),
        },
        {
          find: /^react-dom\/client$/,
          replacement: fileURLToPath(new URL('./src/embed/lean/react.ts', import.meta.url)),
        },
        ...preactAliases,
        // the components draw straight lines with visx's LinePath; the same path text without
        // d3-shape and d3-path (and without `classnames`, which visx uses to join two strings)
        // the data layer's query-core, in the part the hooks use (see the module's comment)
        {
          find: /^@tanstack\/query-core$/,
          replacement: fileURLToPath(new URL('./src/embed/lean/query-core.ts', import.meta.url)),
        },
        {
          find: /^@visx\/shape$/,
          replacement: fileURLToPath(new URL('./src/embed/lean/shape.tsx', import.meta.url)),
        },
      ],
    },
    // the table's right-to-left scroll shadows stay `:dir(rtl)` (the writing direction) instead of
    // lightningcss's lowering to 19 right-to-left `:lang()`s, which matched the page's language and
    // not its direction (−0.1 KB gzip); browsers without :dir() (Chrome/Edge before 120, Safari before
    // 16.4) skip just those rules. Every other rule is lowered for the build target as before.
    css: { lightningcss: { exclude: Features.DirSelector } },
    // library mode keeps process.env.NODE_ENV for the consumer; a script tag has no consumer build
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: {
      // JSX as createElement(type, props, ...children), Preact's own factory (through lean/react),
      // instead of the automatic runtime's jsx(type, { ...props, children: [...] }): the same
      // vnodes, with no `children:` key and array around every element's children (−269 B gzip).
      // Production JSX even when NODE_ENV is already set (the e2e setup builds under Vitest's
      // NODE_ENV=test, which gave jsxDEV calls with absolute source paths: +2.2 KB gzip).
      jsx: { runtime: 'classic', pragma: '__jsx', pragmaFrag: '__Fragment', development: false },
      // prepended to every .tsx file, which then need no import of their own
      jsxInject: "import { createElement as __jsx, Fragment as __Fragment } from 'react'",
    },
    plugins: [
      vanillaExtractPlugin({ identifiers: shortIdentifiers() }),
      leanMessages(),
      styleFilesKeepCss(),
      cssIntoScript(format),
      namesMangled([...QUERY_CORE_NAMES, ...INTERNAL_NAMES]),
    ],
    logLevel: format === 'es' ? 'warn' : 'info',
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: false,
      minify: true,
      cssCodeSplit: false,
      reportCompressedSize: format === 'iife',
      lib:
        format === 'iife'
          ? {
              entry: 'src/embed/index.ts',
              formats: ['iife'],
              name: 'ContentStatsEmbed',
              fileName: () => 'embed.js',
              cssFileName: 'embed',
            }
          : {
              entry: 'src/embed/module.ts',
              formats: ['es'],
              fileName: () => 'embed.mjs',
              cssFileName: 'embed',
            },
      rolldownOptions: {
        output: {
          // `$…` members are internal to the embed's own lean modules (src/embed/lean/query-core.ts),
          // and so is query-core's vocabulary inside the script (see QUERY_CORE_NAMES)
          minify: {
            mangleProps: {
              include: new RegExp(`^(\\$[a-zA-Z].*|${[...QUERY_CORE_NAMES, ...INTERNAL_NAMES].join('|')})$`),
            },
          },
        },
        // the timing report only says vanilla-extract's transforms are slow: known, and noise in test output
        checks: { bundlerTimings: false },
        onwarn(warning, warn) {
          // 'use client' on the React entry files means nothing in a bundle
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  };
}

interface Tagged {
  name: string;
  type?: { text: string };
  description: string;
}

/**
 * custom-elements.json from the elements' JSDoc (`@element`, `@summary`, `@attr`, `@fires`,
 * `@csspart`, `@cssprop`), in the Custom Elements Manifest schema. A stand-in for
 * `cem analyze --globs "src/embed/**\/*.ts"` (@custom-elements-manifest/analyzer, not installed
 * here), which reads the same tags and can replace it.
 */
export function elementsManifest(files: readonly string[]): object {
  const modules = [];
  for (const path of files) {
    const source = readFileSync(path, 'utf8');
    const match = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export class (\w+) extends (\w+)/.exec(source);
    const tagName = match?.[1] ? /@element\s+([\w-]+)/.exec(match[1])?.[1] : undefined;
    if (!match?.[1] || !match[2] || !tagName) continue;
    const lines = match[1].split('\n').map((line) => line.replace(/^\s*\* ?/, '').trimEnd());
    const description = lines
      .slice(
        0,
        lines.findIndex((line) => line.startsWith('@')),
      )
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const tagged = (tag: string): Tagged[] =>
      lines.flatMap((line) => {
        const m = new RegExp(`^@${tag}\\s+(?:\\{([^}]*)\\}\\s+)?(\\S+)(?:\\s+-\\s+(.*))?$`).exec(line);
        if (!m?.[2]) return [];
        return [{ name: m[2], ...(m[1] ? { type: { text: m[1] } } : {}), description: m[3] ?? '' }];
      });
    const summary = lines.find((line) => line.startsWith('@summary '))?.slice('@summary '.length);
    const name = match[2];
    const module = path;
    modules.push({
      kind: 'javascript-module',
      path: module,
      declarations: [
        {
          kind: 'class',
          name,
          description,
          ...(summary ? { summary } : {}),
          tagName,
          customElement: true,
          attributes: tagged('attr'),
          events: tagged('fires'),
          cssParts: tagged('csspart').map(({ name: n, description: d }) => ({ name: n, description: d })),
          cssProperties: tagged('cssprop').map(({ name: n, description: d }) => ({
            name: n,
            description: d,
          })),
          members:
            match[3] === 'HTMLElementBase'
              ? [{ kind: 'field', name: 'labels', type: { text: 'Partial<Labels> | undefined' } }]
              : [
                  {
                    kind: 'field',
                    name: 'labels',
                    type: { text: 'Partial<Labels> | undefined' },
                    description: 'Replacements for any of the English strings.',
                  },
                  {
                    kind: 'field',
                    name: 'theme',
                    type: { text: 'EmbedTheme | undefined' },
                    description:
                      "A theme name, or token overrides such as { base: 'dark', color: { accent: '#7c3aed' } }.",
                  },
                ],
          superclass:
            match[3] === 'HTMLElementBase'
              ? { name: 'HTMLElement', package: 'global:' }
              : { name: match[3], module: 'src/embed/ContentStatsElement.ts' },
        },
      ],
      exports: [
        { kind: 'js', name, declaration: { name, module } },
        { kind: 'custom-element-definition', name: tagName, declaration: { name, module } },
      ],
    });
  }
  return { schemaVersion: '2.1.0', readme: '', modules };
}

/** Writes custom-elements.json after the script build. */
function writeManifest(): Plugin {
  return {
    name: 'contentstats-embed-manifest',
    apply: 'build',
    closeBundle() {
      const files = [
        'src/embed/ConfigElement.ts',
        ...readdirSync('src/embed/elements')
          .filter((f) => f.endsWith('.ts'))
          .sort()
          .map((f) => `src/embed/elements/${f}`),
      ];
      writeFileSync('custom-elements.json', `${JSON.stringify(elementsManifest(files), null, 2)}\n`);
    },
  };
}

/** After the script build, the ES module build (one config cannot give an IIFE and an ES entry). */
function thenModuleBuild(): Plugin {
  return {
    name: 'contentstats-embed-module',
    apply: 'build',
    async closeBundle() {
      await build(embedConfig('es'));
    },
  };
}

const iife = embedConfig('iife');
export default defineConfig({
  ...iife,
  plugins: [...(iife.plugins ?? []), writeManifest(), thenModuleBuild()],
});
