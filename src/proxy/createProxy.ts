import { createProxyCore } from './internal/handler.js';
import type { ProxyOptions } from './options.js';

/** A Web-standard request handler: Next.js route handlers, Hono, workers, Deno, Bun. */
export type ProxyHandler = (request: Request) => Promise<Response>;

/**
 * Creates the key-keeping proxy as a Web-standard handler. It forwards only the documented
 * endpoints, adds the server's API key, checks tokens or your `authorize` hook, validates
 * ids, query and bodies, limits tracks, caches video snapshots until the next one can exist,
 * and answers every refusal with JSON `{ error, code }`.
 *
 * @throws TypeError at creation for a missing `apiKey`, a short `tokenSecret`, a bad `upstream`,
 * `basePath` or origin, or `allowedOrigins: '*'` with `credentials`.
 * @example
 * // app/api/contentstats/[...path]/route.ts (Next.js)
 * const proxy = createProxy({ apiKey: process.env.CONTENTSTATS_API_KEY!, basePath: '/api/contentstats' });
 * export { proxy as GET, proxy as POST, proxy as OPTIONS };
 */
export function createProxy(options: ProxyOptions): ProxyHandler {
  const core = createProxyCore(options);
  return (request) => core(request);
}
