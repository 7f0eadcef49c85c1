/**
 * The script-tag embed: src/embed → dist/embed.js (one minified IIFE, CSS inside, Preact in place
 * of React) and dist/embed.mjs (contentstats-kit/embed, the same elements as an ES module).
 * The React → Preact aliases live here and never in vite.config.ts, which Storybook merges.
 */
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import { preactAliases } from './vite.config.js';

const PLACEHOLDER = '__CONTENTSTATS_EMBED_CSS__';

/**
 * Moves the emitted CSS into the script: the CSS assets are collected, deleted, and their text
 * replaces the placeholder string in src/embed/styles.ts (in whichever quotes the minifier chose),
 * so the elements can adopt it into their shadow roots. Library mode never inlines CSS itself.
 */
function cssIntoScript(): Plugin {
  return {
    name: 'contentstats-embed-css',
    enforce: 'post',
    generateBundle(_options, bundle) {
      let css = '';
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'asset' && name.endsWith('.css')) {
          css += typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          delete bundle[name];
        }
      }
      if (css === '') this.error('the embed build emitted no CSS: the components would render unstyled');
      const literal = JSON.stringify(css.trim());
      const pattern = new RegExp(`(["'\`])${PLACEHOLDER}\\1`, 'g');
      let replaced = 0;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        file.code = file.code.replace(pattern, () => {
          replaced++;
          return literal;
        });
        if (file.code.includes(PLACEHOLDER)) this.error(`${file.fileName}: CSS placeholder left in place`);
      }
      if (replaced === 0) this.error('CSS placeholder not found in the embed bundle');
    },
  };
}

function embedConfig(format: 'iife' | 'es'): UserConfig {
  return {
    configFile: false,
    publicDir: false,
    resolve: { alias: preactAliases },
    // library mode keeps process.env.NODE_ENV for the consumer; a script tag has no consumer build
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [vanillaExtractPlugin(), cssIntoScript()],
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
        onwarn(warning, warn) {
          // 'use client' on the React entry files means nothing in a bundle
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
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
export default defineConfig({ ...iife, plugins: [...(iife.plugins ?? []), thenModuleBuild()] });
