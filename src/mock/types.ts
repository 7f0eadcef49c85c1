import type { Snapshot } from '../client/types.js';
import type { PLAN_LIMITS } from './constants.js';

/** A plan of the local API (see `PLAN_LIMITS`). */
export type MockPlan = keyof typeof PLAN_LIMITS;

/** An API key the local API accepts. */
export interface MockApiKey {
  /** The value clients send as `X-API-Key`. */
  key: string;
  plan: MockPlan;
  /** Starting balance in USD, 0 to 1e12, kept in thousandths of a dollar (rounded down). */
  balance_usd: number;
}

/** A key's live state, as listed by {@link MockApi.keys}. */
export interface MockKeyState {
  key: string;
  plan: MockPlan;
  /** Balance now: starting balance minus snapshots taken so far. */
  balance_usd: number;
  /** Balance minus what running trackings will still cost. */
  available_usd: number;
  /** Whether the key got the fixture videos. */
  fixtures: boolean;
}

/** Where simulated webhooks go, and the `whsec_` secret that signs them. */
export interface MockWebhookConfig {
  url: string;
  secret: string;
}

/** Options of {@link MockApi}'s factory `createMockApi`. */
export interface MockApiOptions {
  /** Simulated world time in ms (snapshots, costs, statuses). Default `Date.now`. */
  clock?: () => number;
  /** Real time in ms for rate-limit windows, idempotency expiry and the `Date` header, so they never speed up with `clock`. Default `Date.now`. */
  wallClock?: () => number;
  /**
   * How many times faster than real time `clock` runs (3600 = a snapshot hour per real second).
   * Only turns "the next snapshot is N simulated seconds away" into real seconds for
   * `Cache-Control: max-age`. `startMockServer` passes its own. Default 1.
   */
  speed?: number;
  /** Seed of every generated id and number. Default `'contentstats'`. */
  seed?: string;
  /** Accepted keys. Default: one `DEMO_API_KEY` on `pro` with $100. */
  keys?: MockApiKey[];
  /** Give keys named `DEMO_API_KEY` the fixture videos. Default `true`. */
  fixtures?: boolean;
  /** Webhook target; the engine only stores it, `startMockServer` delivers to it. */
  webhook?: MockWebhookConfig;
}

/** Type of a simulated webhook event (the two the API docs announce). */
export type WebhookEventType = 'snapshot.created' | 'tracking.completed';

/** A simulated webhook event, as POSTed (JSON) to the webhook URL. */
export interface WebhookEvent {
  /** `evt_` + 16 lowercase alphanumerics, deterministic from the seed. */
  id: string;
  type: WebhookEventType;
  /** ISO 8601: the snapshot time, or the time the tracking completed. */
  created_at: string;
  data: {
    video_id: string;
    video_link: string;
    /** The new snapshot, on `snapshot.created`. */
    snapshot?: Snapshot;
    /** `completed`, on `tracking.completed`. */
    status?: string;
  };
}

/** One request the engine answered (the log keeps the last 1000). */
export interface MockRequestRecord {
  method: string;
  /** URL path without the query string, trailing slash removed. */
  path: string;
  status: number;
  /** The `X-API-Key` sent, or `null`. */
  apiKey: string | null;
  /** Wall-clock time (ms) the request arrived. */
  at: number;
}

/** A deterministic, in-memory ContentStats API. Create one with `createMockApi`. */
export interface MockApi {
  /** Answers one request of the documented API (Web-standard `Request` → `Response`). */
  handle(request: Request): Promise<Response>;
  /**
   * Webhook events that happened since the previous call (from the simulated clock),
   * oldest first. The first call does not replay fixture history from before the engine existed.
   */
  takeEvents(): WebhookEvent[];
  /** Adds a key (fixtures included when it is the demo key); throws if it exists or is malformed. */
  addKey(key: MockApiKey): void;
  /** Current `balance_usd` of a key; throws for an unknown key. */
  balance(key: string): number;
  /** Live state of every key, in the order they were added. */
  keys(): MockKeyState[];
  /** The simulated time now (ms). */
  now(): number;
  /** The configured webhook, or `null`. */
  readonly webhook: MockWebhookConfig | null;
  /**
   * Number of requests handled: all of them, or those matching `match`, given either
   * as a path (`'/api/v1/usage'`) or as method and path (`'POST /api/v1/videos/track'`).
   */
  requestCount(match?: string): number;
  /** The last 1000 requests, oldest first. */
  readonly requests: readonly MockRequestRecord[];
  /** Zeroes the counters and clears the request log (keys, videos and balances stay). */
  resetRequests(): void;
}
