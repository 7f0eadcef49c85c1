import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { type MockServer, startMockServer } from '../../src/mock/index';
import {
  type ExpressProxyOptions,
  expressProxy,
  expressTokenEndpoint,
  type MintTokenOptions,
  type TokenScope,
} from '../../src/proxy/index';
import { closeServer, listen, startCountingUpstream } from '../proxy/harness';

/** A distinctive key: any leak is found by a plain substring search. */
export const API_KEY = 'cs_live_EMBEDKEY_never_in_a_browser_4b1d9e';
const SECRET = 'embed-e2e-token-secret-0123456789-abcdefghijkl';
const ROOT = join(import.meta.dirname, '../..');

/** The strict policy of the issue: no inline script or style, nothing from elsewhere. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

/** A test page: its HTML and, for a strict CSP, its stylesheet and script as files. */
/**
 * Ten elements over three videos (four charts, three summaries, three tables): the page that shows
 * one client and cache per page, one request per video per new snapshot (e2e test and bench).
 */
export function tenElements([a, b, c]: readonly [string, string, string]): string {
  return `<contentstats-chart video-id="${a}"></contentstats-chart>
<contentstats-chart video-id="${b}"></contentstats-chart>
<contentstats-chart video-id="${c}"></contentstats-chart>
<contentstats-chart video-ids="${a},${b},${c}"></contentstats-chart>
<contentstats-summary video-id="${a}"></contentstats-summary>
<contentstats-summary video-id="${b}"></contentstats-summary>
<contentstats-summary video-id="${c}"></contentstats-summary>
<contentstats-table video-id="${a}"></contentstats-table>
<contentstats-table video-id="${b}"></contentstats-table>
<contentstats-table video-id="${c}"></contentstats-table>`;
}

export interface PageSpec {
  body: string;
  /** Page CSS, served as /pages/<name>.css and linked. */
  css?: string;
  /** Page script, served as /pages/<name>.js after the embed script. */
  script?: string;
  /** `<script src="/embed.js">` attributes. @defaultValue 'defer' */
  embedScript?: string;
  /** Where the embed script goes (`none`: the page loads dist/embed.mjs itself). @defaultValue 'head' */
  embedAt?: 'head' | 'end' | 'none';
  /** Load the page script as an ES module. */
  scriptModule?: boolean;
  /** Content-Security-Policy header. @defaultValue STRICT_CSP */
  csp?: string | null;
}

/**
 * Serves test pages, dist/embed.js, a token endpoint and the proxy (API key server-side) in front
 * of a counting passthrough to the local API, all on 127.0.0.1.
 *
 * Token endpoint: `POST /token?scope=read,track&videos=a,b` mints a token with those scopes
 * (read by default), limited to those videos when given; `POST /token-broken` answers a token
 * the proxy refuses.
 */
export async function startEmbedServer(options: {
  speed: number;
  /** Proxy options over the defaults below (e.g. a short upstream `timeoutMs` for a stalled API). */
  proxy?: Partial<ExpressProxyOptions>;
  /**
   * The proxy calls the local API directly, not through the counting passthrough (whose `calls` then
   * stay empty): the passthrough's own fetch fails, unhandled, when the API drops a stalled answer.
   */
  direct?: boolean;
}) {
  const mock: MockServer = await startMockServer({
    port: 0,
    speed: options.speed,
    keys: [{ key: API_KEY, plan: 'pro', balance_usd: 100 }],
    fixtures: false,
  });
  const upstream = await startCountingUpstream(mock.url);
  const pages = new Map<string, PageSpec>();
  const app = express();
  app.disable('x-powered-by');

  app.get('/embed.js', (_req, res) => {
    res.type('application/javascript').send(readFileSync(join(ROOT, 'dist/embed.js')));
  });
  app.get('/embed.mjs', (_req, res) => {
    res.type('application/javascript').send(readFileSync(join(ROOT, 'dist/embed.mjs')));
  });
  app.get('/pages/:file', (req, res) => {
    const match = /^(.+)\.(html|css|js)$/.exec(req.params.file);
    const page = match ? pages.get(match[1] as string) : undefined;
    if (!match || !page) return void res.status(404).type('text/plain').send('no such page');
    const kind = match[2];
    if (kind === 'css') return void res.type('text/css').send(page.css ?? '');
    if (kind === 'js') return void res.type('application/javascript').send(page.script ?? '');
    const csp = page.csp === undefined ? STRICT_CSP : page.csp;
    if (csp) res.setHeader('Content-Security-Policy', csp);
    const embed = `<script src="/embed.js" ${page.embedScript ?? 'defer'}></script>`;
    res.type('text/html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${match[1]}</title>
<link rel="icon" href="data:,">
${page.css === undefined ? '' : `<link rel="stylesheet" href="/pages/${match[1]}.css">`}
${page.embedAt === 'end' || page.embedAt === 'none' ? '' : embed}
</head><body>
${page.body}
${page.embedAt === 'end' ? embed : ''}
${page.script === undefined ? '' : `<script src="/pages/${match[1]}.js" ${page.scriptModule ? 'type="module"' : 'defer'}></script>`}
</body></html>`);
  });
  app.post('/token', (req, res, next) => {
    // the endpoint's Web Request carries no query (see src/proxy/internal/express.ts): read it here
    const scope = String(req.query.scope ?? 'read').split(',') as TokenScope[];
    const videos = typeof req.query.videos === 'string' ? req.query.videos.split(',') : undefined;
    const claims: MintTokenOptions = { scope, subject: 'embed-e2e', ...(videos ? { videoIds: videos } : {}) };
    expressTokenEndpoint({ secret: SECRET, claims })(req, res, next);
  });
  app.post('/token-broken', (_req, res) => {
    res.json({
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6WyJyZWFkIl19.bm90LWEtc2lnbmF0dXJl',
      expires_in: 600,
    });
  });
  // what reached the proxy (browser → proxy), counted before it answers: cache hits included
  const proxied: Array<{ method: string; url: string; time: number }> = [];
  app.use('/api/contentstats', (req, _res, next) => {
    proxied.push({ method: req.method, url: req.url, time: Date.now() });
    next();
  });
  app.use(
    '/api/contentstats',
    expressProxy({
      apiKey: API_KEY,
      upstream: options.direct ? mock.url : upstream.url,
      tokenSecret: SECRET,
      operations: { usage: true, stop: true },
      limits: { requests: false, track: false },
      ...options.proxy,
    }),
  );
  const server: Server = createServer(app);
  const origin = await listen(server);

  /** Tracks a video on the local API directly (setup: not counted as page traffic). */
  async function seedVideo(n: number): Promise<string> {
    const response = await fetch(`${mock.url}/api/v1/videos/track`, {
      method: 'POST',
      headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        video_link: `https://www.tiktok.com/@embed/video/${7_300_000_000_000 + n}`,
        duration_days: 7,
      }),
    });
    if (!response.ok) throw new Error(`seed failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  return {
    origin,
    mock,
    upstream,
    /** Requests that reached the proxy: method, URL under its mount path and arrival time (ms). */
    proxied,
    seedVideo,
    /** Registers a page; returns its URL. */
    page(name: string, spec: PageSpec): string {
      pages.set(name, spec);
      return `${origin}/pages/${name}.html`;
    },
    async close() {
      await closeServer(server);
      await upstream.close();
      await mock.close();
    },
  };
}

export type EmbedServer = Awaited<ReturnType<typeof startEmbedServer>>;
