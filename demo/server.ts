/**
 * Keep your ContentStats API key on the server: a copyable Express template.
 * Browsers call /api/contentstats/… with a short-lived token from /api/contentstats-token.
 * Env: CONTENTSTATS_API_KEY, CONTENTSTATS_API_URL, TOKEN_SECRET (≥ 32 bytes), PORT, HOST.
 * With no key set, the local ContentStats API starts (60× speed: a snapshot a minute).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { DEMO_API_KEY, startMockServer } from '../src/mock/index.js';
import { expressProxy, expressTokenEndpoint, type TokenEndpointOptions } from '../src/proxy/index.js';

let apiKey = process.env.CONTENTSTATS_API_KEY;
let upstream = process.env.CONTENTSTATS_API_URL ?? 'https://contentstats.io';
const local = apiKey ? null : await startMockServer({ port: 0, speed: 60 });
if (local) [apiKey, upstream] = [DEMO_API_KEY, local.url];
// a fresh secret per start is fine for one instance; share TOKEN_SECRET between several
const tokenSecret = process.env.TOKEN_SECRET ?? randomBytes(32).toString('base64url');

// ▼ YOUR SESSION CHECK GOES HERE: return null (→ 401) unless the caller is signed in, and your
// user id as `subject` (the proxy limits tracks and requests per subject). E.g.:
//   const user = await sessionUser(request.headers.get('cookie')); if (!user) return null;
//   return { scope: ['read', 'track'], subject: user.id };
// DEMO ONLY: everyone counts as signed in, identified by IP address. Never ship this as is.
const claims: TokenEndpointOptions['claims'] = (_request, { clientKey }) =>
  clientKey === undefined ? null : { scope: ['read', 'track'], subject: `demo-ip:${clientKey}` };

const app = express();
app.disable('x-powered-by');
// behind a reverse proxy, trust it (app.set('trust proxy', 1)) so req.ip is the visitor's address
app.post('/api/contentstats-token', expressTokenEndpoint({ secret: tokenSecret, claims }));
app.use(
  '/api/contentstats', // before express.json()
  expressProxy({
    apiKey: apiKey as string,
    upstream,
    tokenSecret,
    // defaults kept: read + track open, stop + usage closed (open with operations: { stop: true }),
    // 10 tracks and 120 requests a minute per subject
    onLog: (entry) => console.log(JSON.stringify(entry)),
  }),
);

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
