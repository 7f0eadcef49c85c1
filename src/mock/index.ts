/**
 * `contentstats-kit/mock`: a faithful, deterministic local ContentStats API.
 * Browser code should import `./browser` (same exports, without the Node server).
 *
 * @module
 */

// Constants
export { DEFAULT_MOCK_SEED, DEMO_API_KEY, FIXTURE_IDS, NOT_FOUND_RULES, PLAN_LIMITS } from './constants.js';
// Engine
export { createMockApi } from './engine.js';
export type { MockServer, MockServerOptions } from './server.js';
// Node HTTP server
export { startMockServer } from './server.js';
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
export type { VerifyWebhookOptions } from './webhooks.js';
// Webhook signatures
export { signWebhookPayload, verifyWebhookSignature } from './webhooks.js';
