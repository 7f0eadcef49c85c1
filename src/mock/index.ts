/**
 * `contentstats-kit/mock`: a faithful, deterministic local ContentStats API.
 * Browser code resolves to `./browser` (same exports, without the Node server);
 * MSW handlers are in `contentstats-kit/mock/msw`.
 *
 * @module
 */

// engine, constants, webhook signatures and types (everything but the Node server)
export * from './browser.js';

// Node HTTP server
export { startMockServer } from './server.js';
export type { MockServer, MockServerOptions } from './server.js';
