import { DEFAULT_MOCK_SEED, DEMO_API_KEY, PLAN_LIMITS } from './constants.js';
import { type Account, ledgerOf } from './internal/account.js';
import { createChaos } from './internal/chaos.js';
import {
  type EndpointContext,
  getUsage,
  getVideo,
  listVideos,
  stopVideo,
  trackVideo,
} from './internal/endpoints.js';
import { drainEvents } from './internal/events.js';
import { addFixtures } from './internal/fixtures.js';
import { createIdempotencyStore } from './internal/idempotency.js';
import { MAX_BALANCE_USD, toMills, toUsd } from './internal/money.js';
import { randomToken, seeded } from './internal/prng.js';
import { createRateLimiter, type RateDecision } from './internal/rate-limit.js';
import { errorReply, type Reply } from './internal/reply.js';
import { matchRoute, normalisePath } from './internal/routes.js';
import { createVideoRegistry } from './internal/videos.js';
import type { MockApi, MockApiKey, MockApiOptions, MockRequestRecord } from './types.js';

const ANONYMOUS_BUCKET = '\u0000anonymous';
const REQUEST_LOG_SIZE = 1000;

/** The key set used when `keys` is not given: the demo key on `pro` with $100. */
function defaultKeys(): MockApiKey[] {
  return [{ key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 }];
}

function checkKey(input: MockApiKey): void {
  if (typeof input.key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(input.key)) {
    throw new TypeError(`API key must be 1–200 visible ASCII characters: ${JSON.stringify(input.key)}`);
  }
  if (!Object.hasOwn(PLAN_LIMITS, input.plan)) {
    throw new TypeError(
      `Unknown plan "${String(input.plan)}" for key ${input.key}: use free, pro or enterprise.`,
    );
  }
  const usd = input.balance_usd;
  if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0 || usd > MAX_BALANCE_USD) {
    throw new RangeError(`balance_usd of key ${input.key} must be a number from 0 to ${MAX_BALANCE_USD}.`);
  }
}

/**
 * Creates a faithful, deterministic, in-memory ContentStats API.
 *
 * Pure: no timers and no Node built-ins, only Web-standard `Request`/`Response`, so it
 * runs in Node, in a browser under MSW, and in tests with an injected clock. Every
 * number (balances, statuses, snapshots) is derived from the clock when asked, and the
 * same seed, keys, clock and requests give the same ids and snapshots.
 *
 * A normalised link is one public video for the whole engine: its counts are a function
 * of its age since the engine first tracked it (by any key), so every tracking of it,
 * overlapping or later, reads the same never-decreasing counts.
 *
 * Behaviour where the API docs are silent (our choices):
 * - Every response is JSON and carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
 *   `X-RateLimit-Reset` (Unix epoch **seconds** when the window resets). Windows are
 *   fixed, 60 s of `wallClock`, per key; requests without a valid key share one
 *   anonymous bucket with the free limit. Past the limit: 429 with `retry_after` and
 *   `Retry-After` (seconds).
 * - Order of checks: rate limit (429), route (404 unknown, 405 wrong method with
 *   `Allow`), `X-API-Key` (401; `Authorization: Bearer` is not accepted), endpoint.
 * - Money: $0.015 per snapshot actually taken (snapshot 0 at creation, then hourly);
 *   a running tracking reserves the rest (`available_usd`), and track answers 402 when
 *   `available_usd` cannot cover the whole tracking. Amounts are exact thousandths of a
 *   dollar; a starting balance (at most $1e12) is rounded down to the mill.
 * - Errors: 400 (with `field`), 401, 402, 403 plan limit, 404, 405, 409 duplicate
 *   running tracking (with `id`), 422 reused `Idempotency-Key`, 429, 500.
 * - Links are canonical (see `parseVideoLink`): `m.`/`www.` and the handle's case name one
 *   video, so another spelling of a running tracking's link answers 409.
 * - Freshness: every response carries `Date` (real time, from `wallClock`). A `200` of
 *   `GET /videos/{id}` carries `Cache-Control: max-age=N`, N = real seconds (at `speed`, rounded
 *   up, so at least 1) until the next snapshot or the completion can exist; a finished tracking
 *   gets `max-age=86400`. The list gets the smallest N of its running trackings (one simulated
 *   hour when none is running). Everything else, errors included, is `no-store`.
 * - Chaos: with `chaos`, `handle` fails on purpose (see `MockChaosOptions`; off by default, and then
 *   the answers are exactly the ones above).
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const clock = options.clock ?? Date.now;
  const wallClock = options.wallClock ?? Date.now;
  const speed = options.speed ?? 1;
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed must be a number > 0: ${speed}`);
  const seed = options.seed ?? DEFAULT_MOCK_SEED;
  const withFixtures = options.fixtures ?? true;
  const accounts = new Map<string, Account>();
  // one registry per engine: the same link is the same public video for every key
  const videos = createVideoRegistry(seed);
  const limiter = createRateLimiter(wallClock);
  const usedIds = new Set<string>();
  let idCounter = 0;
  const counts = new Map<string, number>();
  let total = 0;
  const log: MockRequestRecord[] = [];

  function nextVideoId(): string {
    for (;;) {
      idCounter++;
      const id = `cm5${randomToken(seeded(seed, 'video', String(idCounter)), 9)}`;
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  }

  function addKey(input: MockApiKey): void {
    checkKey(input);
    if (accounts.has(input.key)) throw new Error(`API key ${input.key} already exists.`);
    const account: Account = {
      key: input.key,
      plan: input.plan,
      initialMills: toMills(input.balance_usd),
      fixtures: withFixtures && input.key === DEMO_API_KEY,
      trackings: new Map(),
      idempotency: createIdempotencyStore(wallClock),
    };
    if (account.fixtures) {
      addFixtures(account, clock(), seed, videos);
      for (const id of account.trackings.keys()) usedIds.add(id);
    }
    accounts.set(account.key, account);
  }

  function accountOf(key: string): Account {
    const account = accounts.get(key);
    if (!account) throw new Error(`Unknown API key ${key}.`);
    return account;
  }

  function count(key: string): void {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  function record(entry: MockRequestRecord): void {
    total++;
    count(entry.path);
    count(`${entry.method} ${entry.path}`);
    log.push(entry);
    if (log.length > REQUEST_LOG_SIZE) log.splice(0, log.length - REQUEST_LOG_SIZE);
  }

  async function dispatch(request: Request, method: string, path: string, url: URL, apiKey: string | null) {
    const route = matchRoute(method, path);
    if (route.kind === 'none') {
      return errorReply(404, `No such endpoint: ${method} ${path}. The API lives under /api/v1.`);
    }
    if (route.kind === 'wrong-method') {
      return errorReply(
        405,
        `Method ${method} is not allowed on ${path}.`,
        { allow: route.allow },
        {
          Allow: route.allow.join(', '),
        },
      );
    }
    if (apiKey === null || apiKey === '') {
      return errorReply(401, 'Invalid API key: the X-API-Key header is missing.');
    }
    const account = accounts.get(apiKey);
    if (!account) return errorReply(401, 'Invalid API key: this key is not recognised.');
    // The body is read before the clock, so nothing awaits between the checks and the change.
    const bodyText = route.name === 'track' ? await request.text() : '';
    const ctx: EndpointContext = {
      seed,
      videos,
      account,
      now: clock(),
      speed,
      url,
      headers: request.headers,
      bodyText,
      nextVideoId,
    };
    switch (route.name) {
      case 'track':
        return trackVideo(ctx);
      case 'list':
        return listVideos(ctx);
      case 'get':
        return getVideo(ctx, route.param ?? '');
      case 'stop':
        return stopVideo(ctx, route.param ?? '');
      case 'usage':
        return getUsage(ctx);
    }
  }

  function toResponse(result: Reply, rate: RateDecision, at: number): Response {
    const headers = new Headers({
      'Content-Type': 'application/json; charset=utf-8',
      // only video reads say how long they keep (their own Cache-Control); errors and the rest never do
      'Cache-Control': 'no-store',
      // real time, also under a sped-up clock: HTTP dates are for comparing with clocks that run at 1×
      Date: new Date(at).toUTCString(),
      'X-RateLimit-Limit': String(rate.limit),
      'X-RateLimit-Remaining': String(rate.remaining),
      'X-RateLimit-Reset': String(rate.resetSeconds),
    });
    for (const [name, value] of Object.entries(result.headers ?? {})) headers.set(name, value);
    return new Response(JSON.stringify(result.body), { status: result.status, headers });
  }

  async function handle(request: Request): Promise<Response> {
    const at = wallClock();
    const url = new URL(request.url);
    const path = normalisePath(url.pathname);
    const method = request.method.toUpperCase();
    const apiKey = request.headers.get('x-api-key')?.trim() ?? null;
    const account = apiKey === null ? undefined : accounts.get(apiKey);
    const rate = account
      ? limiter.hit(account.key, PLAN_LIMITS[account.plan].requestsPerMinute)
      : limiter.hit(ANONYMOUS_BUCKET, PLAN_LIMITS.free.requestsPerMinute);

    let result: Reply;
    if (!rate.allowed) {
      const who = account ? `on the ${account.plan} plan` : 'without a valid API key';
      result = errorReply(
        429,
        `Rate limit exceeded: ${rate.limit} requests per minute ${who}. Retry after ${rate.retryAfterSeconds} s.`,
        { retry_after: rate.retryAfterSeconds },
        { 'Retry-After': String(rate.retryAfterSeconds) },
      );
    } else {
      try {
        result = await dispatch(request, method, path, url, apiKey);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result = errorReply(500, `Internal error in the local ContentStats API: ${message}`);
      }
    }
    record({ method, path, status: result.status, apiKey, at });
    return toResponse(result, rate, at);
  }

  for (const key of options.keys ?? defaultKeys()) addKey(key);
  const chaos = options.chaos === undefined ? undefined : createChaos(options.chaos);

  return {
    handle: chaos ? chaos.wrap(handle) : handle,
    ...(chaos ? { chaos } : {}),
    takeEvents: () => drainEvents(accounts.values(), clock(), seed),
    addKey,
    balance: (key) => toUsd(ledgerOf(accountOf(key), clock()).balance),
    keys: () => {
      const now = clock();
      return [...accounts.values()].map((account) => {
        const ledger = ledgerOf(account, now);
        return {
          key: account.key,
          plan: account.plan,
          balance_usd: toUsd(ledger.balance),
          available_usd: toUsd(ledger.available),
          fixtures: account.fixtures,
        };
      });
    },
    now: clock,
    webhook: options.webhook ? { ...options.webhook } : null,
    requestCount: (match) => (match === undefined ? total : (counts.get(match) ?? 0)),
    requests: log,
    resetRequests: () => {
      total = 0;
      counts.clear();
      log.length = 0;
    },
  };
}
