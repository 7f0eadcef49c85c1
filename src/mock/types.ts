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
  /**
   * Fault injection inside `handle` (also under MSW: a reset is `Response.error()`, a stall a
   * promise that waits). Controlled afterwards through {@link MockApi.chaos}. @defaultValue off
   */
  chaos?: MockChaosOptions;
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
  /** Fault injection controls, when the engine was created with `chaos`. */
  readonly chaos?: MockChaos;
}

/**
 * A fault the local API can inject on purpose (see {@link MockChaosOptions}):
 * - `error`: 500, 502 or 503 (or `errorStatuses`) before the API acts;
 * - `resetBefore`: the connection is dropped before the API acts (nothing happened);
 * - `resetAfter`: the API acts (a track is created and charged), then the connection is dropped;
 * - `truncate`: the API acts, its JSON answer is cut in half (complete HTTP, unreadable body);
 * - `malformed`: the API acts, its JSON answer gets a syntax error;
 * - `burst429`: this and the next `burstLength - 1` requests get 429 with `Retry-After`, unacted;
 * - `stall`: the API never answers (until `stallMs`, `clear()` or the server closes), unacted.
 */
export type MockChaosKind =
  | 'error'
  | 'resetBefore'
  | 'resetAfter'
  | 'truncate'
  | 'malformed'
  | 'burst429'
  | 'stall';

/**
 * Fault injection of the local API. Rates are probabilities per request (0–1, summing to at
 * most 1); each request gets at most one fault, drawn from a PRNG seeded by `seed`, so the same
 * seed and the same order of requests give the same faults. All off by default.
 */
export interface MockChaosOptions {
  /** Added latency in real ms, on every request: a number, or `[min, max]` drawn uniformly. @defaultValue 0 */
  latencyMs?: number | readonly [number, number];
  /** Rate of 5xx answers (see `errorStatuses`). @defaultValue 0 */
  error?: number;
  /** Statuses an `error` answers with, one drawn per answer. @defaultValue [500, 502, 503] */
  errorStatuses?: readonly number[];
  /** Rate of connections dropped before the API acts. @defaultValue 0 */
  resetBefore?: number;
  /** Rate of connections dropped after the API acted. @defaultValue 0 */
  resetAfter?: number;
  /** Rate of answers cut in half. @defaultValue 0 */
  truncate?: number;
  /** Rate of answers with a JSON syntax error. @defaultValue 0 */
  malformed?: number;
  /** Rate at which a burst of 429s starts. @defaultValue 0 */
  burst429?: number;
  /** Rate of answers that never come. @defaultValue 0 */
  stall?: number;
  /** How many requests one 429 burst answers. @defaultValue 3 */
  burstLength?: number;
  /** `Retry-After` of a 429 burst, in seconds. @defaultValue 1 */
  retryAfterSeconds?: number;
  /** How long a stalled answer is held before the connection is dropped, in ms. @defaultValue 300000 */
  stallMs?: number;
  /** Seed of the fault draws. @defaultValue 'chaos' */
  seed?: string;
  /**
   * Only requests that start with this are touched (latency, faults and `once` alike), given as a
   * path (`'/api/v1/videos/track'`) or method and path (`'GET /api/v1/videos/'`); others pass untouched
   * and unlogged. @defaultValue every request
   */
  match?: string;
}

/** One request seen while chaos was on (the log keeps the last 10,000). */
export interface MockChaosRecord {
  method: string;
  /** URL path without the query string. */
  path: string;
  /** The fault injected, or `null` when the request went through untouched (latency aside). */
  kind: MockChaosKind | null;
  /** Whether the API handled the request (a track it answered 2xx was created or replayed). */
  acted: boolean;
  /** The API's own status when it acted, else the injected status (`null` for a reset or stall). */
  status: number | null;
  /** The request's `Idempotency-Key`, or `null`. */
  idempotencyKey: string | null;
}

/** Per-test controls of the local API's fault injection; see {@link MockChaosOptions}. */
export interface MockChaos {
  /** Replaces the chaos settings (what is not given is off); a burst in progress ends. */
  set(options: MockChaosOptions): void;
  /** The next (matching) request gets `kind` (queued in order, before any random draw). */
  once(kind: MockChaosKind): void;
  /** Turns every fault off, drops queued ones and lets stalled answers go (their connections drop). */
  clear(): void;
  /** The current settings. */
  readonly options: Readonly<MockChaosOptions>;
  /** Requests seen while chaos was on, oldest first. */
  readonly log: readonly MockChaosRecord[];
  /** How many times each kind was injected since the start. */
  counts(): Record<MockChaosKind, number>;
}
