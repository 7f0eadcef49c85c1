import type { MockChaos, MockChaosKind, MockChaosOptions, MockChaosRecord } from '../types.js';
import { type Random, seeded } from './prng.js';

type Handle = (request: Request) => Promise<Response>;

/** A {@link MockChaos} that can also wrap an engine's `handle` and release what it holds. */
export interface ChaosController extends MockChaos {
  /** `handle` with the faults in front of it; untouched (same answers, no delay) while chaos is off. */
  wrap(handle: Handle): Handle;
  /** Lets stalled answers go and stops their timers (on server close). */
  dispose(): void;
}

// the order rates are laid out on [0, 1): fixed, so a seed means the same faults
const RATE_KINDS = [
  'error',
  'resetBefore',
  'resetAfter',
  'truncate',
  'malformed',
  'burst429',
  'stall',
] as const satisfies readonly MockChaosKind[];

const ERROR_STATUSES = [500, 502, 503] as const;
const LOG_SIZE = 10_000;

function checkRate(name: string, value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new RangeError(`chaos ${name} must be a probability from 0 to 1, got ${value}`);
}

function checkCount(name: string, value: number | undefined, min: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`chaos ${name} must be a whole number ≥ ${min}, got ${value}`);
}

/** Throws a `RangeError` naming the first setting that is out of range. */
export function checkChaosOptions(options: MockChaosOptions): void {
  let sum = 0;
  for (const kind of RATE_KINDS) {
    checkRate(kind, options[kind]);
    sum += options[kind] ?? 0;
  }
  if (sum > 1 + 1e-9) throw new RangeError(`chaos rates add up to ${sum}; at most 1 (one fault per request)`);
  const latency = options.latencyMs;
  const [min, max] = typeof latency === 'object' ? latency : [latency ?? 0, latency ?? 0];
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < min)
    throw new RangeError(`chaos latencyMs must be ms ≥ 0 (or [min, max] with min ≤ max), got ${latency}`);
  for (const status of options.errorStatuses ?? ERROR_STATUSES)
    if (!Number.isInteger(status) || status < 500 || status > 599)
      throw new RangeError(`chaos errorStatuses must be 5xx statuses, got ${status}`);
  if (options.errorStatuses?.length === 0) throw new RangeError('chaos errorStatuses must not be empty');
  if (options.match !== undefined && !/^([A-Z]+ )?\//.test(options.match))
    throw new RangeError(
      `chaos match must be a path or METHOD and path, got ${JSON.stringify(options.match)}`,
    );
  checkCount('burstLength', options.burstLength, 1);
  checkCount('retryAfterSeconds', options.retryAfterSeconds, 0);
  checkCount('stallMs', options.stallMs, 1);
}

function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** The same answer with `body` instead of its own (status and headers kept, length recomputed). */
function withBody(response: Response, body: string): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** JSON with a syntax error a lenient parser would not guess around: a trailing comma. */
function malform(text: string): string {
  const broken = text.replace(/\}\s*$/, ',}');
  return broken === text ? `${text},` : broken;
}

const zeroCounts = (): Record<MockChaosKind, number> => ({
  error: 0,
  resetBefore: 0,
  resetAfter: 0,
  truncate: 0,
  malformed: 0,
  burst429: 0,
  stall: 0,
});

/**
 * Creates the fault injector of the local API. It lives in front of the engine's `handle`, so the
 * same faults reach Node's server and MSW: a dropped connection is `Response.error()` (the server
 * destroys the socket, MSW fails the fetch), a stall is an answer that does not come.
 */
export function createChaos(initial: MockChaosOptions = {}): ChaosController {
  checkChaosOptions(initial);
  let options: MockChaosOptions = { ...initial };
  let random: Random = seeded(options.seed ?? 'chaos');
  const queued: MockChaosKind[] = [];
  let burstLeft = 0;
  const log: MockChaosRecord[] = [];
  const counts = zeroCounts();
  const stalls = new Set<() => void>();

  const active = () =>
    queued.length > 0 ||
    burstLeft > 0 ||
    options.latencyMs !== undefined ||
    RATE_KINDS.some((kind) => (options[kind] ?? 0) > 0);

  function releaseStalls(): void {
    for (const release of [...stalls]) release();
  }

  function delayOf(): number {
    const latency = options.latencyMs;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return latency;
    const [min, max] = latency;
    return min === max ? min : min + Math.floor(random() * (max - min + 1));
  }

  function pick(): MockChaosKind | null {
    const forced = queued.shift();
    if (forced !== undefined) return forced;
    if (burstLeft > 0) {
      burstLeft--;
      return 'burst429';
    }
    if (!RATE_KINDS.some((kind) => (options[kind] ?? 0) > 0)) return null;
    let r = random();
    for (const kind of RATE_KINDS) {
      r -= options[kind] ?? 0;
      if (r < 0) return kind;
    }
    return null;
  }

  /** The fault of the next request; a new 429 burst claims the requests after it at once. */
  function decide(): MockChaosKind | null {
    const continuing = burstLeft > 0 && queued.length === 0;
    const kind = pick();
    if (kind === 'burst429' && !continuing) burstLeft = Math.max(0, (options.burstLength ?? 3) - 1);
    return kind;
  }

  function stalled(): Promise<Response> {
    return new Promise<Response>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        stalls.delete(release);
        resolve(Response.error());
      };
      const timer = setTimeout(release, options.stallMs ?? 300_000);
      // a held answer must not keep a process (a test run, the CLI) alive on its own
      (timer as { unref?: () => void }).unref?.();
      stalls.add(release);
    });
  }

  async function inject(handle: Handle, request: Request, record: MockChaosRecord): Promise<Response> {
    const kind = record.kind;
    switch (kind) {
      case null:
      case 'resetAfter':
      case 'truncate':
      case 'malformed': {
        const response = await handle(request);
        record.acted = true;
        record.status = response.status;
        if (kind === null) return response;
        if (kind === 'resetAfter') {
          await response.body?.cancel();
          return Response.error();
        }
        const text = await response.text();
        return withBody(
          response,
          kind === 'truncate' ? text.slice(0, Math.floor(text.length / 2)) : malform(text),
        );
      }
      case 'error': {
        const statuses = options.errorStatuses ?? ERROR_STATUSES;
        const status = statuses[Math.floor(random() * statuses.length)] ?? 500;
        record.status = status;
        return jsonAnswer(status, { error: `Chaos: the local API answered ${status} on purpose.` });
      }
      case 'burst429': {
        const seconds = options.retryAfterSeconds ?? 1;
        record.status = 429;
        return jsonAnswer(
          429,
          { error: `Chaos: rate limit burst. Retry after ${seconds} s.`, retry_after: seconds },
          { 'Retry-After': String(seconds) },
        );
      }
      case 'resetBefore':
        return Response.error();
      case 'stall':
        return stalled();
    }
  }

  return {
    wrap(handle) {
      return async (request) => {
        if (!active()) return handle(request);
        const url = new URL(request.url);
        const method = request.method.toUpperCase();
        const match = options.match;
        if (
          match !== undefined &&
          !(match.startsWith('/') ? url.pathname : `${method} ${url.pathname}`).startsWith(match)
        )
          return handle(request);
        const delay = delayOf();
        const kind = decide();
        const record: MockChaosRecord = {
          method,
          path: url.pathname,
          kind,
          acted: false,
          status: null,
          idempotencyKey: request.headers.get('idempotency-key'),
        };
        if (kind !== null) counts[kind]++;
        log.push(record);
        if (log.length > LOG_SIZE) log.splice(0, log.length - LOG_SIZE);
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        return inject(handle, request, record);
      };
    },
    set(next) {
      checkChaosOptions(next);
      options = { ...next };
      if (next.seed !== undefined) random = seeded(next.seed);
      burstLeft = 0;
    },
    once(kind) {
      if (!(RATE_KINDS as readonly string[]).includes(kind))
        throw new TypeError(`Unknown chaos kind: ${kind}`);
      queued.push(kind);
    },
    clear() {
      options = {};
      queued.length = 0;
      burstLeft = 0;
      releaseStalls();
    },
    get options() {
      return options;
    },
    log,
    counts: () => ({ ...counts }),
    dispose() {
      queued.length = 0;
      burstLeft = 0;
      releaseStalls();
    },
  };
}
