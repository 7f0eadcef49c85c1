/**
 * `npm run demo`: the local ContentStats API on an accelerated clock, the proxy from demo/server.ts
 * holding the key, and the demo site (dashboard, marketing page, Storybook), all on one origin.
 * Options: --port N (or PORT, default 8787; 0 picks a free one), --host H (or HOST), --verbose
 * (every proxy log line). With CONTENTSTATS_API_KEY set it uses the real API through the proxy.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_API_KEY, type MockServer, startMockServer } from '../src/mock/index.js';
import { type EmbedBundle, ensureEmbedBundle } from './embedBundle.js';
import { createSite, MARKETING_VIDEO_IDS, type Site } from './site.js';

/** One simulated hour every 5 real seconds: charts grow while you watch. */
const SPEED = 720;
/** A second local key whose balance pays for no tracking (the dashboard's 402 example). */
const POOR_KEY = 'cs_demo_poor_key';
const ROOT = join(import.meta.dirname, '..');

const log = (line: string) => console.log(line);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: { port: { type: 'string' }, host: { type: 'string' }, verbose: { type: 'boolean' } },
    });
  } catch (error) {
    return fail(
      `${(error as Error).message}\nUsage: npm run demo -- [--port 8787] [--host 127.0.0.1] [--verbose]`,
    );
  }
})();
const port = Number(values.port ?? process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`Not a port number: ${values.port ?? process.env.PORT}`);
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
const realKey = process.env.CONTENTSTATS_API_KEY;
const tokenSecret = process.env.TOKEN_SECRET ?? randomBytes(32).toString('base64url');

let mock: MockServer | null = null;
let site: Site | null = null;
let embed: EmbedBundle | null = null;
// built only once the port is ours: a busy port must not leave a half-written bundle behind
let startEmbed: (bundle: EmbedBundle) => void = () => {};
const embedStarted = new Promise<EmbedBundle>((resolve) => {
  startEmbed = resolve;
});

async function shutdown(code: number): Promise<never> {
  embed?.cancel();
  await Promise.allSettled([site?.close(), mock?.close()]);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // a second Ctrl-C while closing ends at once
    process.once(signal, () => process.exit(130));
    void shutdown(0);
  });
}

let apiKey: string;
let upstream: string;
let marketingIds: readonly string[] = MARKETING_VIDEO_IDS;
if (realKey) {
  apiKey = realKey;
  upstream = process.env.CONTENTSTATS_API_URL ?? 'https://contentstats.io';
  marketingIds = await newestVideoIds(upstream, realKey);
} else {
  mock = await startMockServer({
    port: 0,
    speed: SPEED,
    keys: [
      { key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 },
      { key: POOR_KEY, plan: 'free', balance_usd: 0.2 },
    ],
  });
  apiKey = DEMO_API_KEY;
  upstream = mock.url;
}

site = await createSite({
  root: ROOT,
  apiKey,
  upstream,
  tokenSecret,
  mode: mock ? 'local' : 'real',
  speed: mock ? SPEED : null,
  localApiUrl: mock?.url ?? null,
  poorKey: mock ? POOR_KEY : null,
  marketingIds,
  embed: embedStarted,
  verbose: values.verbose === true,
  log,
}).catch((error: unknown) => {
  // e.g. a TOKEN_SECRET under 32 bytes: the reason in one line, not a stack trace
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  return shutdown(1);
});

const server = site.server;
await new Promise<void>((resolve) => {
  server.once('error', (error: NodeJS.ErrnoException) => {
    const message =
      error.code === 'EADDRINUSE'
        ? `Port ${port} is already in use. Stop what runs there, or pick another port: PORT=${port + 1} npm run demo (or npm run demo -- --port ${port + 1}).`
        : error.code === 'EACCES'
          ? `No permission to listen on port ${port}: use a port above 1024, e.g. PORT=8787 npm run demo.`
          : `Could not listen on ${host}:${port}: ${error.message}`;
    console.error(message);
    void shutdown(1);
  });
  server.listen(port, host, resolve);
});

const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
const base = `http://${shownHost}:${(server.address() as AddressInfo).port}`;
const storybookBuilt = existsSync(join(ROOT, 'storybook-static/index.html'));
log(`
ContentStats demo: open ${base}/

  Dashboard (React components)   ${base}/
  Marketing page (script tag)    ${base}/marketing/
  Storybook (every state)        ${base}/storybook/${storybookBuilt ? '' : '  (not built yet: npm run build-storybook)'}
  Proxy and token endpoint       ${base}/api/contentstats  ·  POST ${base}/api/contentstats-token

  ${
    mock
      ? `Data: the local ContentStats API (${mock.url}), no key or network needed. Its clock runs ${SPEED}× fast:
  one simulated hour, so one new snapshot per video, every ${3600 / SPEED} seconds. Demo key: ${DEMO_API_KEY}.`
      : `Data: the REAL ContentStats API (${upstream}) with your CONTENTSTATS_API_KEY, through the proxy.
  Tracking a video costs real money. The key stays on this server; browsers get short-lived tokens.`
  }
  Ctrl-C stops everything.
`);
embed = ensureEmbedBundle(ROOT, log);
startEmbed(embed);

/** The account's newest video ids, for the marketing page against the real API (fixtures otherwise). */
async function newestVideoIds(api: string, key: string): Promise<readonly string[]> {
  try {
    const response = await fetch(`${api}/api/v1/videos`, { headers: { 'X-API-Key': key } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as { videos?: { id?: unknown }[] } | { id?: unknown }[];
    const videos = Array.isArray(body) ? body : (body.videos ?? []);
    const ids = videos.map((v) => v.id).filter((id): id is string => typeof id === 'string');
    if (ids.length === 0) log('Your account tracks no video yet: the marketing page will show "not found".');
    return ids.slice(0, MARKETING_VIDEO_IDS.length);
  } catch (error) {
    log(`Could not list your videos for the marketing page (${(error as Error).message}).`);
    return MARKETING_VIDEO_IDS;
  }
}
