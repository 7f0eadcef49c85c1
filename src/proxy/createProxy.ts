import { createProxyCore } from './internal/handler.js';
import type { ProxyOptions } from './options.js';

/** A Web-standard request handler: Next.js route handlers, Hono, workers, Deno, Bun. */
export type ProxyHandler = (request: Request) => Promise<Response>;

/**
 * Creates the key-keeping proxy as a Web-standard handler. It forwards only the documented
 * endpoints, adds the server's API key, checks tokens or your `authorize` hook, validates
 * ids, query and bodies, limits requests and tracks per user or client address (pass
 * `clientKey`: this handler cannot see the address), caches video snapshots until the next one
 * can exist, and answers every refusal with JSON `{ error, code }`.
 *
 * Paths: the Web handler matches `new URL(request.url).pathname`, which WHATWG URL parsing has
 * already normalised: `..`, `.`, `%2e%2e` are resolved before the proxy sees them, so
 * `/videos/x/../../usage` arrives as `/usage` and is checked (route, operation, scope) as
 * `/usage`, and a path leaving `basePath` is outside the proxy (404). Only what survives
 * parsing can be refused as such: encoded slashes or backslashes (`%2f`, `%5c`) stay encoded
 * and are refused (400). `expressProxy` sees the raw `req.url` and refuses dot segments too.
 *
 * @throws TypeError at creation for a missing `apiKey`, a short `tokenSecret`, a bad `upstream`,
 * `basePath` or origin, or `allowedOrigins: '*'` with `credentials`.
 * @example
 * // app/api/contentstats/[...path]/route.ts (Next.js)
 * const proxy = createProxy({
 *   apiKey: process.env.CONTENTSTATS_API_KEY!,
 *   basePath: '/api/contentstats',
 *   tokenSecret: process.env.TOKEN_SECRET!,
 *   clientKey: (request) => request.headers.get('x-real-ip') ?? undefined, // what your platform sets
 * });
 * export { proxy as GET, proxy as POST, proxy as OPTIONS };
 */
export function createProxy(options: ProxyOptions): ProxyHandler {
  const core = createProxyCore(options);
  return async (request) => (await core(request)).toResponse();
}
