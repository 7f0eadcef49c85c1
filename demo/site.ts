import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import react from '@vitejs/plugin-react';
import express from 'express';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { expressTokenEndpoint, mintToken, type ProxyLogEntry } from '../src/proxy/index.js';
import type { EmbedBundle } from './embedBundle.js';
import { mountContentStats } from './server.js';

/** The fixture videos the marketing page shows (the local API gives them to the demo key). */
export const MARKETING_VIDEO_IDS = ['cm5fixviral1', 'cm5fixmega01', 'cm5fixbloom1'] as const;

/** What the dashboard learns from `GET /api/demo-info`. */
export interface DemoInfo {
  mode: 'local' | 'real';
  /** Simulated seconds per real second (local API only). */
  speed: number | null;
  /** Whether the poor-key mount exists (402 needs the local API's second key). */
  poorMount: boolean;
  /** Whether a built Storybook is served at /storybook/. */
  storybook: boolean;
  /** The local API's own address, for curl (local mode only). */
  localApiUrl: string | null;
}

/** What {@link createSite} needs. */
export interface SiteOptions {
  root: string;
  apiKey: string;
  upstream: string;
  tokenSecret: string;
  mode: 'local' | 'real';
  speed: number | null;
  localApiUrl: string | null;
  /** A second key with too small a balance, for the 402 example (local API only). */
  poorKey: string | null;
  /** Video ids for the marketing page (the fixtures, or the real account's newest videos). */
  marketingIds: readonly string[];
  /** dist/embed.js, once its build (if needed) has started. */
  embed: Promise<EmbedBundle>;
  /** Every proxy log line, or only failures (5xx). */
  verbose: boolean;
  log: (line: string) => void;
}

/** The demo site: dashboard (Vite middleware), marketing page, Storybook, proxies and token endpoints on one origin. */
export interface Site {
  server: Server;
  close(): Promise<void>;
}

/**
 * One Express app on one origin: the proxy with every scope for the dashboard, three extra mounts
 * whose only job is to show error states (a poor key → 402, a 1-request limit → 429, a token
 * signed with another secret → 401), the marketing page's read-only token endpoint, dist/embed.js,
 * the built Storybook, and the dashboard served by Vite in middleware mode.
 */
export async function createSite(options: SiteOptions): Promise<Site> {
  const { root, tokenSecret } = options;
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);

  const onLog = (entry: ProxyLogEntry) => {
    if (options.verbose || entry.status >= 500) options.log(JSON.stringify(entry));
  };
  const quiet = () => {};

  // the dashboard: everything a signed-in owner of the account may do
  mountContentStats(app, {
    apiKey: options.apiKey,
    upstream: options.upstream,
    tokenSecret,
    scope: ['read', 'track', 'stop', 'usage'],
    // a dashboard polls each running video every snapshot (every 5 s at 720×): more than the default 120/min
    limits: { requests: { max: 600, windowSeconds: 60 } },
    onLog,
  });
  // "Try an error": a key whose balance cannot pay for a tracking → 402
  if (options.poorKey) {
    mountContentStats(app, {
      apiKey: options.poorKey,
      upstream: options.upstream,
      tokenSecret,
      path: '/api/demo-poor',
      scope: ['read', 'track', 'usage'],
      onLog: quiet,
    });
  }
  // "Try an error": one request per 30 s per visitor → 429 with Retry-After
  mountContentStats(app, {
    apiKey: options.apiKey,
    upstream: options.upstream,
    tokenSecret,
    path: '/api/demo-limited',
    scope: ['read'],
    limits: { requests: { max: 1, windowSeconds: 30 } },
    onLog: quiet,
  });
  // "Try an error": a well-formed token signed with another secret → 401 from the proxy
  const wrongSecret = `not-the-proxy-secret-${tokenSecret}`;
  app.post('/api/demo-bad-token', async (_req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .json(await mintToken({ scope: ['read', 'usage'], subject: 'demo' }, wrongSecret));
  });

  // the marketing page's embeds: read-only, limited to its videos, bound to the page's origin
  app.post(
    '/api/embed-token',
    expressTokenEndpoint({
      secret: tokenSecret,
      claims: { scope: 'read', videoIds: [...options.marketingIds] },
    }),
  );

  // the demo's logo, for pages without an icon of their own (the README's script-tag quickstart)
  app.get('/favicon.ico', (_req, res) => {
    res.type('image/svg+xml').set('Cache-Control', 'max-age=86400').send(LOGO_SVG);
  });

  app.get('/api/demo-info', (_req, res) => {
    const info: DemoInfo = {
      mode: options.mode,
      speed: options.speed,
      poorMount: options.poorKey !== null,
      storybook: existsSync(join(root, 'storybook-static/index.html')),
      localApiUrl: options.localApiUrl,
    };
    res.set('Cache-Control', 'no-store').json(info);
  });

  app.get('/embed.js', async (_req, res) => {
    const bundle = await options.embed;
    if (!(await bundle.ready) || !existsSync(bundle.file)) {
      res
        .status(503)
        .type('text/plain')
        .send('dist/embed.js is not built: npx vite build -c vite.embed.config.ts');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(bundle.file);
  });

  app.use((req, res, next) => {
    // relative links inside both pages need the trailing slash
    if (req.path === '/marketing' || req.path === '/storybook') return res.redirect(`${req.path}/`);
    next();
  });
  app.get('/marketing/', (_req, res) => {
    let html = readFileSync(join(root, 'demo/marketing/index.html'), 'utf8');
    // against the real API, the page shows the account's own videos instead of the local fixtures
    // (repeated when there are fewer than three)
    const ids = options.marketingIds;
    MARKETING_VIDEO_IDS.forEach((fixture, i) => {
      const id = ids[i % ids.length];
      if (id) html = html.replaceAll(fixture, id);
    });
    if (options.mode === 'real')
      html = html.replace('the local ContentStats API', 'your ContentStats account');
    res.set('Cache-Control', 'no-cache').type('html').send(html);
  });
  app.use('/marketing', express.static(join(root, 'demo/marketing'), { index: false }));

  // a built Storybook when there is one (npm run build-storybook), else how to get one
  app.use('/storybook', (_req, res, next) => {
    if (existsSync(join(root, 'storybook-static/index.html'))) return next();
    res.status(404).type('html').send(storybookMissing());
  });
  app.use('/storybook', express.static(join(root, 'storybook-static')));

  const vite: ViteDevServer = await createVite({
    configFile: false,
    root: join(root, 'demo/dashboard'),
    cacheDir: join(root, 'node_modules/.vite/demo-dashboard'),
    publicDir: false,
    appType: 'spa',
    clearScreen: false,
    logLevel: 'warn',
    plugins: [react(), vanillaExtractPlugin()],
    server: { middlewareMode: true, hmr: { server }, fs: { allow: [root] } },
  });
  app.use(vite.middlewares);

  return {
    server,
    async close() {
      await vite.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="4" fill="#1d5fbf"/>' +
  '<path d="M4 11l3-3 2 2 3-4" stroke="#fff" stroke-width="1.6" fill="none"/></svg>';

function storybookMissing(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storybook is not built</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1b1f24}
code{background:#eceef2;padding:.1em .35em;border-radius:4px}</style></head><body>
<h1>Storybook is not built yet</h1>
<p>Every component in every state, for designers. Build it once and reload this page:</p>
<p><code>npm run build-storybook</code></p>
<p>or run it live (with hot reload) on its own port: <code>npm run storybook</code> → <a href="http://localhost:6006">http://localhost:6006</a></p>
<p><a href="/">← Back to the dashboard</a></p></body></html>`;
}
