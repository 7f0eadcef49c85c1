/**
 * `contentstats-kit/mock` for browsers (MSW, Storybook): the pure engine and its
 * helpers, without the `node:http` server.
 *
 * @module
 */

// Constants
export { DEFAULT_MOCK_SEED, DEMO_API_KEY, FIXTURE_IDS, NOT_FOUND_RULES, PLAN_LIMITS } from './constants';
// Engine
export { createMockApi } from './engine';
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
} from './types';
export type { VerifyWebhookOptions } from './webhooks';
// Webhook signatures
export { signWebhookPayload, verifyWebhookSignature } from './webhooks';
