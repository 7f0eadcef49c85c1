/**
 * Keep your ContentStats API key on the server: a copyable Express template.
 * Browsers call /api/contentstats/… with a short-lived token from /api/contentstats-token.
 * Env: CONTENTSTATS_API_KEY, CONTENTSTATS_API_URL, TOKEN_SECRET (≥ 32 bytes), PORT, HOST.
 * Run alone (`node --import tsx demo/server.ts`) with no key set, the local ContentStats API starts
 * (60× speed: a snapshot a minute). `npm run demo` mounts the same function in the demo site (demo/run.ts).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import express, { type Express } from 'express';
import { DEMO_API_KEY, startMockServer } from '../src/mock/index.js';
import {
  expressProxy,
  expressTokenEndpoint,
  type ProxyOptions,
  type TokenEndpointOptions,
  type TokenScope,
} from '../src/proxy/index.js';

/** What {@link mountContentStats} needs. */
export interface ContentStatsMountOptions {
  /** The ContentStats API key: it never leaves this server. */
  apiKey: string;
  /** The API's base URL (the real one, or the local API's). */
  upstream: string;
  /** Signs and verifies the browser tokens, at least 32 bytes. */
  tokenSecret: string;
  /** What a signed-in user may do; the proxy opens exactly these operations. @defaultValue ['read', 'track'] */
  scope?: TokenScope[];
  /** Where the proxy is mounted; the token endpoint is this path + `-token`. @defaultValue '/api/contentstats' */
  path?: string;
  /** Per-user limits. @defaultValue 10 tracks and 120 requests a minute */
  limits?: ProxyOptions['limits'];
  /** One structured line per request (never holds the key or a token). @defaultValue console.log of JSON */
  onLog?: ProxyOptions['onLog'];
}

/** Mounts the token endpoint and the proxy on `app` (before any `express.json()`). */
export function mountContentStats(app: Express, options: ContentStatsMountOptions): void {
  const path = options.path ?? '/api/contentstats';
  const scope = options.scope ?? ['read', 'track'];

  // ▼ YOUR SESSION CHECK GOES HERE: return null (→ 401) unless the caller is signed in, and your
  // user id as `subject` (the proxy limits tracks and requests per subject). E.g.:
  //   const user = await sessionUser(request.headers.get('cookie')); if (!user) return null;
  //   return { scope: ['read', 'track'], subject: user.id };
  // DEMO ONLY: everyone counts as signed in, identified by IP address. Never ship this as is.
  const claims: TokenEndpointOptions['claims'] = (_request, { clientKey }) =>
    clientKey === undefined ? null : { scope, subject: `demo-ip:${clientKey}` };

  // behind a reverse proxy, trust it (app.set('trust proxy', 1)) so req.ip is the visitor's address
  app.post(`${path}-token`, expressTokenEndpoint({ secret: options.tokenSecret, claims }));
  app.use(
    path,
    expressProxy({
      apiKey: options.apiKey,
      upstream: options.upstream,
      tokenSecret: options.tokenSecret,
      // read and track are open by default; stop and usage only when the tokens may use them
      operations: { stop: scope.includes('stop'), usage: scope.includes('usage') },
      ...(options.limits ? { limits: options.limits } : {}),
      onLog: options.onLog ?? ((entry) => console.log(JSON.stringify(entry))),
    }),
  );
}

// run as a script: the proxy alone, with curl examples
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let apiKey = process.env.CONTENTSTATS_API_KEY;
  let upstream = process.env.CONTENTSTATS_API_URL ?? 'https://contentstats.io';
  const local = apiKey ? null : await startMockServer({ port: 0, speed: 60 });
  if (local) [apiKey, upstream] = [DEMO_API_KEY, local.url];
  // a fresh secret per start is fine for one instance; share TOKEN_SECRET between several
  const tokenSecret = process.env.TOKEN_SECRET ?? randomBytes(32).toString('base64url');

  const app = express();
  app.disable('x-powered-by');
  mountContentStats(app, { apiKey: apiKey as string, upstream, tokenSecret });

  const host = process.env.HOST ?? '127.0.0.1';
  const server = app.listen(Number(process.env.PORT ?? 8787), host, () => {
    const base = `http://${host}:${(server.address() as AddressInfo).port}`;
    console.log(`ContentStats proxy on ${base}/api/contentstats (upstream: ${local ? `local API ${upstream}` : upstream})
Try:
  TOKEN=$(curl -s -X POST ${base}/api/contentstats-token | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -H "Authorization: Bearer $TOKEN" ${base}/api/contentstats/api/v1/videos
  curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
    -d '{"video_link":"https://www.tiktok.com/@user/video/1234567890","duration_days":7}' \\
    ${base}/api/contentstats/api/v1/videos/track`);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close();
      void (local?.close() ?? Promise.resolve()).then(() => process.exit(0));
    });
  }
}
