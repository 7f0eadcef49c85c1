/**
 * Keep your ContentStats API key on the server: a copyable Express template.
 * Browsers call /api/contentstats/… with a short-lived token from /api/contentstats-token.
 * Env: CONTENTSTATS_API_KEY, CONTENTSTATS_API_URL, TOKEN_SECRET (≥ 32 bytes), PORT, HOST.
 * With no key set, the local ContentStats API starts (60× speed: a snapshot a minute).
 */
import { randomBytes } from 'node:crypto';
import express from 'express';
import { DEMO_API_KEY, startMockServer } from '../src/mock/index.js';
import { expressProxy, expressTokenEndpoint } from '../src/proxy/index.js';

let apiKey = process.env.CONTENTSTATS_API_KEY;
let upstream = process.env.CONTENTSTATS_API_URL ?? 'https://contentstats.io';
const local = apiKey ? null : await startMockServer({ port: 0, speed: 60 });
if (local) [apiKey, upstream] = [DEMO_API_KEY, local.url];
// a fresh secret per start is fine for one instance; share TOKEN_SECRET between several
const tokenSecret = process.env.TOKEN_SECRET ?? randomBytes(32).toString('base64url');

const app = express();
// your session check goes here, e.g. app.post(path, requireLogin, expressTokenEndpoint(…))
app.disable('x-powered-by');
app.post(
  '/api/contentstats-token',
  expressTokenEndpoint({ secret: tokenSecret, claims: { scope: ['read', 'track', 'stop', 'usage'] } }),
);
app.use(
  '/api/contentstats',
  expressProxy({
    apiKey: apiKey as string,
    upstream,
    tokenSecret,
    operations: { read: true, track: true, stop: true, usage: true },
    // the local API runs 60× faster: never cache a video longer than its next snapshot (1 real minute)
    ...(local ? { cache: { maxTtlSeconds: 30 } } : {}),
    onLog: (entry) => console.log(JSON.stringify(entry)),
  }),
);

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const server = app.listen(port, host, () => {
  const base = `http://${host}:${port}`;
  console.log(`ContentStats proxy on ${base}/api/contentstats (upstream: ${local ? `local API ${upstream}` : upstream})
Try:
  TOKEN=$(curl -s -X POST ${base}/api/contentstats-token | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -H "Authorization: Bearer $TOKEN" ${base}/api/contentstats/api/v1/videos
  curl -H "Authorization: Bearer $TOKEN" ${base}/api/contentstats/api/v1/usage
  curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
    -d '{"video_link":"https://www.tiktok.com/@user/video/1234567890","duration_days":7}' \\
    ${base}/api/contentstats/api/v1/videos/track`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void local?.close().then(() => process.exit(0));
    if (!local) process.exit(0);
  });
}
