/**
 * Load run of the proxy: the local API and `expressProxy` (token auth, memory store, limits on)
 * in a real Express server on 127.0.0.1, hit by autocannon with mixed traffic. `npm run load`
 * runs 60 s at 100 connections; test/proxy/load-smoke.test.ts runs a few seconds of the same.
 *
 * Uncached GETs (usage, list) still make fewer upstream calls than requests: identical GETs in
 * flight at once share one call (the proxy's coalescing), and autocannon's paced connections
 * fire together.
 *
 * Each kind of traffic gets its own autocannon instance (all run at once), so every status is
 * judged against what that kind may answer: a 429 is intended only for tracks past the limit,
 * a 401 only for the bad token. Exit code 1 on any other status, socket error or timeout.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { startMockServer } from '../src/mock/index.js';
import { createMemoryStore, expressProxy, mintToken } from '../src/proxy/index.js';

const API_KEY = 'cs_live_LOADKEY_never_leaves_the_server_5c2e';
const SECRET = 'load-run-token-secret-0123456789-abcdefghijk';
/** Tracks a subject may start per minute: the rest of the track traffic must be 429. */
const TRACK_LIMIT = 5;
/** Heap growth over the run, after a GC, that counts as unbounded memory. */
const MAX_HEAP_GROWTH_MB = 32;
/**
 * Upstream calls per second the uncached kinds may make together: the local API allows 1,200
 * a minute to an enterprise key, and its 429s would not be the proxy's doing.
 */
const UPSTREAM_RATE = { usage: 7, list: 7 };

/** One kind of traffic: its share of connections and the statuses it may answer. */
interface Kind {
  name: string;
  connections: number;
  allowed: readonly number[];
  /** Requests per second over all its connections (unset: as fast as it answers). */
  overallRate?: number;
  requests: AutocannonRequest[];
}

interface AutocannonRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}

interface AutocannonResult {
  latency: Histogram;
  requests: Histogram & { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
  overallRate?: number;
  timeout?: number;
}) => Promise<AutocannonResult>;

// autocannon is CommonJS without bundled types: the few fields used are typed above
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** Seconds of traffic. */
  seconds: number;
  /** Concurrent connections over all kinds of traffic (at least 10). */
  connections: number;
}

/** Figures of one kind of traffic. */
export interface KindReport {
  name: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
  /** Statuses this kind must never answer, with their counts. */
  unintended: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** What {@link runLoad} measured. */
export interface LoadReport {
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  /** Worst p50 and p99 over the kinds of traffic. */
  p50Ms: number;
  p99Ms: number;
  kinds: KindReport[];
  memory: { before: MemorySample; after: MemorySample };
  /** Upstream calls, by method and path (the cache and the limiter keep them few). */
  upstreamCalls: number;
  /** Unintended statuses, socket errors and timeouts, as sentences; empty when all went well. */
  problems: string[];
}

/** Memory of this process, in MB (after a GC when `--expose-gc` allows one). */
export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
}

function memory(): MemorySample {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rssMb: Math.round(m.rss / 1048576), heapUsedMb: Math.round(m.heapUsed / 1048576) };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Starts the local API and the proxy, runs the traffic, stops both and reports. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const mock = await startMockServer({
    port: 0,
    keys: [{ key: API_KEY, plan: 'enterprise', balance_usd: 1_000_000 }],
    fixtures: false,
  });
  let upstreamCalls = 0;
  const countingFetch: typeof fetch = (input, init) => {
    upstreamCalls++;
    return fetch(input, init);
  };
  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/api/contentstats',
    expressProxy({
      apiKey: API_KEY,
      upstream: mock.url,
      tokenSecret: SECRET,
      operations: { usage: true },
      // bounded: a few hundred entries and counters whatever the traffic
      store: createMemoryStore({ maxEntries: 200, maxCounters: 1_000, maxMarkers: 1_000 }),
      limits: { track: { max: TRACK_LIMIT, windowSeconds: 60 }, requests: { max: 1e9, windowSeconds: 60 } },
      fetch: countingFetch,
    }),
  );
  const server = createServer(app);
  const origin = await listen(server);
  try {
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const response = await fetch(`${mock.url}/api/v1/videos/track`, {
        method: 'POST',
        headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          video_link: `https://www.tiktok.com/@load/video/${7_400_000_000_000 + n}`,
          duration_days: 7,
        }),
      });
      if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
      ids.push(((await response.json()) as { id: string }).id);
    }
    const bearer = async (scope: 'read' | 'track' | 'usage', subject: string) =>
      `Bearer ${(await mintToken({ scope, subject, ttlSeconds: 3600 }, SECRET)).token}`;
    const reader = await bearer('read', 'load-reader');
    const usage = await bearer('usage', 'load-usage');
    const tracker = await bearer('track', 'load-tracker');
    // signed with another secret: well-formed, refused
    const forged = `Bearer ${(await mintToken({ scope: 'read', subject: 'x' }, `${SECRET}-forged`)).token}`;

    // more subjects than the store keeps counters for: the limiter's table must stay bounded
    const crowd = await Promise.all(
      Array.from({ length: 1_500 }, (_, n) => bearer('read', `load-crowd-${n}`)),
    );

    let trackN = 0;
    const share = (fraction: number) => Math.max(1, Math.round(options.connections * fraction));
    const kinds: Kind[] = [
      {
        name: 'cached GET /videos/{id}',
        connections: 0,
        allowed: [200],
        requests: ids.map((id) => ({
          path: `/api/contentstats/api/v1/videos/${id}`,
          headers: { authorization: reader },
        })),
      },
      {
        name: 'uncached GET /usage',
        connections: share(0.1),
        allowed: [200],
        overallRate: UPSTREAM_RATE.usage,
        requests: [{ path: '/api/contentstats/api/v1/usage', headers: { authorization: usage } }],
      },
      {
        name: 'list GET /videos',
        connections: share(0.1),
        allowed: [200],
        overallRate: UPSTREAM_RATE.list,
        requests: [{ path: '/api/contentstats/api/v1/videos', headers: { authorization: reader } }],
      },
      {
        name: 'POST /videos/track',
        connections: share(0.1),
        allowed: [200, 201, 202, 429],
        requests: [
          {
            method: 'POST',
            path: '/api/contentstats/api/v1/videos/track',
            headers: { authorization: tracker, 'content-type': 'application/json' },
            // a new link each time: a repeat would be the API's 409, not the proxy's limit
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                video_link: `https://www.tiktok.com/@load/video/${7_500_000_000_000 + ++trackN}`,
                duration_days: 1,
              }),
            }),
          },
        ],
      },
      {
        name: '1,500 subjects GET',
        connections: share(0.1),
        allowed: [200],
        requests: crowd.map((authorization, n) => ({
          path: `/api/contentstats/api/v1/videos/${ids[n % ids.length]}`,
          headers: { authorization },
        })),
      },
      {
        name: 'bad token',
        connections: share(0.1),
        allowed: [401],
        requests: [{ path: `/api/contentstats/api/v1/videos/${ids[0]}`, headers: { authorization: forged } }],
      },
    ];
    const first = kinds[0] as Kind;
    first.connections = Math.max(
      1,
      options.connections - kinds.slice(1).reduce((n, k) => n + k.connections, 0),
    );

    const before = memory();
    const results = await Promise.all(
      kinds.map((kind) =>
        autocannon({
          url: origin,
          connections: kind.connections,
          duration: options.seconds,
          requests: kind.requests,
          timeout: 10,
          ...(kind.overallRate === undefined ? {} : { overallRate: kind.overallRate }),
        }),
      ),
    );
    const after = memory();

    const problems: string[] = [];
    const reports = kinds.map((kind, i): KindReport => {
      const result = results[i] as AutocannonResult;
      const statuses = Object.fromEntries(
        Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
      );
      const unintended = Object.fromEntries(
        Object.entries(statuses).filter(([status]) => !kind.allowed.includes(Number(status))),
      );
      for (const [status, count] of Object.entries(unintended))
        problems.push(`${kind.name}: ${count} × ${status}`);
      if (result.errors > 0) problems.push(`${kind.name}: ${result.errors} socket errors`);
      if (result.timeouts > 0) problems.push(`${kind.name}: ${result.timeouts} timeouts`);
      return {
        name: kind.name,
        connections: kind.connections,
        requests: result.requests.total,
        requestsPerSecond: Math.round(result.requests.total / result.duration),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        statuses,
        unintended,
        errors: result.errors,
        timeouts: result.timeouts,
      };
    });
    const track = reports.find((r) => r.name.includes('track')) as KindReport;
    if ((track.statuses['429'] ?? 0) === 0)
      problems.push('no track was refused with 429: the limit did not hold');
    const passedTracks = Object.entries(track.statuses)
      .filter(([s]) => s !== '429')
      .reduce((n, [, c]) => n + c, 0);
    if (passedTracks > TRACK_LIMIT) problems.push(`${passedTracks} tracks passed a limit of ${TRACK_LIMIT}`);
    // with --expose-gc (npm run load) both samples follow a full GC: what is left is what is kept
    const heapGrowth = after.heapUsedMb - before.heapUsedMb;
    if ((globalThis as { gc?: unknown }).gc && heapGrowth > MAX_HEAP_GROWTH_MB)
      problems.push(
        `the heap grew by ${heapGrowth} MB (limit ${MAX_HEAP_GROWTH_MB} MB): something is unbounded`,
      );
    const requests = reports.reduce((n, r) => n + r.requests, 0);
    const seconds = Math.max(...results.map((r) => r.duration));
    return {
      seconds,
      connections: reports.reduce((n, r) => n + r.connections, 0),
      requests,
      requestsPerSecond: Math.round(requests / seconds),
      p50Ms: Math.max(...reports.map((r) => r.p50Ms)),
      p99Ms: Math.max(...reports.map((r) => r.p99Ms)),
      kinds: reports,
      memory: { before, after },
      upstreamCalls,
      problems,
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await mock.close();
  }
}

/** The report as a few lines for a terminal. */
export function formatReport(report: LoadReport): string {
  const lines = [
    `${report.requests} requests in ${report.seconds} s over ${report.connections} connections: ${report.requestsPerSecond} req/s, p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms (worst kind)`,
    ...report.kinds.map(
      (k) =>
        `  ${k.name.padEnd(26)} ${String(k.connections).padStart(3)} conn ${String(k.requestsPerSecond).padStart(6)} req/s  p50 ${k.p50Ms} ms  p99 ${k.p99Ms} ms  ${JSON.stringify(k.statuses)}`,
    ),
    `  upstream calls: ${report.upstreamCalls}`,
    `  memory: rss ${report.memory.before.rssMb} → ${report.memory.after.rssMb} MB, heap ${report.memory.before.heapUsedMb} → ${report.memory.after.heapUsedMb} MB`,
    report.problems.length === 0
      ? 'no unintended status, socket error or timeout'
      : `PROBLEMS:\n  ${report.problems.join('\n  ')}`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const connections = Number(process.env.LOAD_CONNECTIONS ?? 100);
  const report = await runLoad({ seconds, connections });
  process.stdout.write(`${formatReport(report)}\n`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
}
