/**
 * `contentstats-kit/mock` for browsers (MSW, Storybook): the pure engine and its
 * helpers, without the `node:http` server.
 *
 * @module
 */

// engine
export { createMockApi } from './engine.js';

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
  MockChaos,
  MockChaosKind,
  MockChaosOptions,
  MockChaosRecord,
  MockKeyState,
  MockPlan,
  MockRequestRecord,
  MockWebhookConfig,
  WebhookEvent,
  WebhookEventType,
} from './types.js';
