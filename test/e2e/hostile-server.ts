import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { expressProxy, expressTokenEndpoint, type TokenScope } from '../../src/proxy/index';
import { closeServer, listen } from '../proxy/harness';

const ROOT = join(import.meta.dirname, '../..');
const API_KEY = 'cs_live_HOSTILEKEY_never_in_a_browser_91aa';
const SECRET = 'hostile-e2e-token-secret-0123456789-abcdefgh';

/** What a successful injection sets; the test expects it to stay unset. */
export const FLAG = '__pwned';

/** Hostile strings: each would run script, add an element, or break out of its box if rendered as HTML. */
export const HOSTILE = {
  img: `<img src=x onerror="window.${FLAG}='img'">`,
  script: `<script>window.${FLAG}='script'</script>`,
  javascript: `javascript:window.${FLAG}='href'`,
  svg: `"><svg onload="window.${FLAG}='svg'">`,
  css: `red;}</style><style>*{display:none!important}</style>`,
  rtl: '\u202Egnp.exe\u202C\u2066x\u2069',
  /** 10,000 characters with no place to break a line. */
  long: 'W'.repeat(10_000),
} as const;

/** Every hostile string at once, for fields that take any text. */
export const ALL = Object.values(HOSTILE).join(' ');

/** Cell starts a spreadsheet runs as a formula (CSV injection), one per snapshot. */
export const FORMULAS = ['=HYPERLINK("http://x.test","y")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)'];

const SNAPSHOTS = [0, 1, 2, 3].map((n) => ({
  id: `${FORMULAS[n]}#${n}`,
  provider: FORMULAS[n],
  snapshot_time: `2026-01-01T0${n}:00:00Z`,
  views: String(1000 + n * 250),
  likes: String(100 + n * 20),
  comments: String(10 + n),
  shares: String(5 + n),
  saves: String(2 + n),
}));

/** Video ids the fake API knows (ids in paths are validated by the proxy; these pass). */
export const IDS = { markup: 'vidMarkup', long: 'vidLong', denied: 'vidDenied' } as const;

function video(id: string, link: string) {
  return { id, video_link: link, platform: HOSTILE.script, status: HOSTILE.svg, snapshots: SNAPSHOTS };
}

/** The answers of the fake ContentStats API: every string field hostile. */
function answer(req: IncomingMessage): { status: number; body: unknown } {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/api/v1/videos') {
    return {
      status: 200,
      body: {
        videos: [
          { id: HOSTILE.svg, video_link: HOSTILE.img, platform: 'tiktok', status: HOSTILE.script },
          { id: 'vidJs', video_link: HOSTILE.javascript, platform: HOSTILE.img, status: 'monitoring' },
          {
            id: 'vidHandle',
            video_link: `https://www.tiktok.com/@${HOSTILE.img}/video/7400000000000000001`,
            platform: 'tiktok',
            status: 'monitoring',
          },
          {
            id: HOSTILE.long,
            video_link: `https://www.tiktok.com/@${HOSTILE.long}/video/7400000000000000002`,
            platform: HOSTILE.long,
            status: HOSTILE.long,
          },
          {
            id: 'vidRtl',
            video_link: `${HOSTILE.rtl}${HOSTILE.css}`,
            platform: HOSTILE.rtl,
            status: 'stopped',
          },
        ].map((v) => ({ ...v, latest_snapshot: SNAPSHOTS[3] })),
      },
    };
  }
  if (req.method === 'GET' && path === `/api/v1/videos/${IDS.markup}`)
    return { status: 200, body: video(IDS.markup, `https://www.tiktok.com/@${HOSTILE.svg}/video/74000001`) };
  if (req.method === 'GET' && path === `/api/v1/videos/${IDS.long}`)
    return { status: 200, body: video(IDS.long, `${HOSTILE.javascript}${HOSTILE.long}`) };
  if (req.method === 'GET' && path === `/api/v1/videos/${IDS.denied}`)
    return { status: 403, body: { error: ALL } };
  // any other id (the list's): a hostile link and the same snapshots
  const other = /^\/api\/v1\/videos\/([A-Za-z0-9_-]+)$/.exec(path ?? '');
  if (req.method === 'GET' && other?.[1]) return { status: 200, body: video(other[1], HOSTILE.img) };
  if (req.method === 'GET' && path === '/api/v1/usage')
    return { status: 200, body: { balance_usd: 12.5, available_usd: 10, plan: ALL, active_videos: 3 } };
  if (req.method === 'POST' && path === '/api/v1/videos/track') {
    return {
      status: 201,
      body: {
        id: HOSTILE.svg,
        video_link: HOSTILE.javascript,
        platform: HOSTILE.img,
        status: HOSTILE.script,
        estimated_cost: 2.52,
      },
    };
  }
  return { status: 404, body: { error: ALL } };
}

/**
 * Serves pages, dist/embed.js, a token endpoint and the real proxy in front of a fake API whose
 * every string is hostile, all on 127.0.0.1. Pages get no Content-Security-Policy: an injection
 * must fail because the markup is inert, not because a policy blocked it.
 */
/** The fake ContentStats API alone, on 127.0.0.1 (any key is accepted). */
export async function startHostileUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const { status, body } = answer(req);
      res.writeHead(status, { 'Content-Type': 'application/json', Date: new Date().toUTCString() });
      res.end(JSON.stringify(body));
    });
  });
  return { url: await listen(server), close: () => closeServer(server) };
}

export async function startHostileServer() {
  const upstream = await startHostileUpstream();
  const upstreamUrl = upstream.url;
  const pages = new Map<string, { body: string; script: string }>();
  const app = express();
  app.disable('x-powered-by');
  app.get('/embed.js', (_req, res) => {
    res.type('application/javascript').send(readFileSync(join(ROOT, 'dist/embed.js')));
  });
  app.get('/pages/:name', (req, res) => {
    const page = pages.get(req.params.name);
    if (!page) return void res.status(404).type('text/plain').send('no such page');
    res.type('text/html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hostile</title><link rel="icon" href="data:,">
<style>body { margin: 0; } .box { width: 420px; margin: 16px; }</style>
<script src="/embed.js" defer></script>
</head><body>
${page.body}
<script>${page.script}</script>
</body></html>`);
  });
  app.post('/token', (req, res, next) => {
    const scope = String(req.query.scope ?? 'read').split(',') as TokenScope[];
    expressTokenEndpoint({ secret: SECRET, claims: { scope, subject: 'hostile-e2e' } })(req, res, next);
  });
  app.use(
    '/api/contentstats',
    expressProxy({
      apiKey: API_KEY,
      upstream: upstreamUrl,
      tokenSecret: SECRET,
      operations: { usage: true, stop: true },
      limits: { requests: false, track: false },
      cache: false,
    }),
  );
  const server: Server = createServer(app);
  const origin = await listen(server);
  return {
    origin,
    /** Registers a page (its body, and a script run after it); returns its URL. */
    page(name: string, body: string, script = ''): string {
      pages.set(name, { body, script });
      return `${origin}/pages/${name}`;
    },
    async close() {
      await closeServer(server);
      await upstream.close();
    },
  };
}
