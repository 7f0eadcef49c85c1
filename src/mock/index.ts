/**
 * `contentstats-kit/mock`: a faithful, deterministic local ContentStats API.
 * Browser code resolves to `./browser` (same exports, without the Node server);
 * MSW handlers are in `contentstats-kit/mock/msw`.
 *
 * @module
 */

// engine
export { createMockApi } from './engine.js';

// Node HTTP server
export { startMockServer } from './server.js';
export type { MockServer, MockServerOptions } from './server.js';

// constants
export { DEFAULT_MOCK_SEED, DEMO_API_KEY, FIXTURE_IDS, NOT_FOUND_RULES, PLAN_LIMITS } from './constants.js';

// webhook signatures
export { signWebhookPayload, verifyWebhookSignature } from './webhooks.js';
export type { VerifyWebhookOptions } from './webhooks.js';

// types
export type {
  MockApi,
  MockApiKey,
  MockApiOptions,
  MockKeyState,
  MockPlan,
  MockRequestRecord,
  MockWebhookConfig,
  WebhookEvent,
  WebhookEventType,
} from './types.js';
