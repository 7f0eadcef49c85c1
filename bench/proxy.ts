/**
 * Proxy throughput on loopback: a token-authenticated cached `GET /api/v1/videos/{id}` through
 * `expressProxy` in Express, an uncached one (a second `expressProxy` with `cache: false`), a
 * bare `node:http` server answering the cached GET's bytes and headers, and the local API hit
 * directly, one after another with the same connections and duration, as ratios to the bare
 * server.
 *
 * The servers run in this process; autocannon runs in a child process (this file again, with
 * `--autocannon <json>`), so the load generator does not share the servers' event loop.
 * `node --import tsx bench/proxy.ts --serve` starts the same servers alone and prints the
 * requests to send, for `node --cpu-prof` under an outside autocannon.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import express from 'express';
import type { MockServer } from '../src/mock/index.js';
import { createProxyCore } from '../src/proxy/internal/handler.js';
import type { Bench, Row, Section, Target } from './lib.js';
import { ratio, summary } from './lib.js';
import { ensureBuilt } from './size.js';

// The proxy and the local API as users run them: the built package (dist/), not src/ through tsx,
// which compiles with esbuild's keepNames (a __name() call for every closure it creates: ~2 % of
// the proxy's CPU per request in a profile, and none of it in the package).
const BUILD_NOTE = ensureBuilt();
const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url).href;
const { startMockServer } = (await import(dist('mock.js'))) as typeof import('../src/mock/index.js');
const { createMemoryStore, expressProxy, mintToken, nodeProxy } = (await import(
  dist('proxy.js')
)) as typeof import('../src/proxy/index.js');

const SECRET = 'bench-proxy-token-secret-0123456789-abcdefghijk';
/** Keys of the local API: it allows 1,200 requests a minute per enterprise key, so load is spread over many. */
const KEYS = Array.from({ length: 150 }, (_, n) => `cs_live_BENCH_${String(n).padStart(3, '0')}`);
const CONNECTIONS = Number(process.env.BENCH_PROXY_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_PROXY_SECONDS ?? 8);
const WARMUP_SECONDS = Number(process.env.BENCH_PROXY_WARMUP ?? 2);
const ROUNDS = Number(process.env.BENCH_PROXY_ROUNDS ?? 2);

/** One request autocannon may send: it picks one at random per request. */
interface Target1 {
  path: string;
  headers: Record<string, string>;
}

/** What the autocannon child is told to do. */
interface LoadJob {
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  targets: Target1[];
}

/** What the autocannon child measured. */
interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  /** Requests sent during the warm-up (upstream calls are counted over both). */
  warmupTotal: number;
  /** CPU time of the servers' process per request, in µs (set by the parent). */
  cpuUsPerRequest?: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}

interface AutocannonResult {
  latency: { p50: number; p99: number };
  requests: { total: number; average: number };
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
  timeout?: number;
}) => Promise<AutocannonResult>;

/** Runs in the child: warm-up, then the measured run; prints the figures as JSON. */
async function runAutocannon(job: LoadJob): Promise<LoadFigures> {
  // autocannon is CommonJS without bundled types: the few fields used are typed above
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const pick = (request: AutocannonRequest): AutocannonRequest => {
    const target = job.targets[Math.floor(Math.random() * job.targets.length)] as Target1;
    return { ...request, method: 'GET', path: target.path, headers: target.headers };
  };
  const options = { url: job.url, connections: job.connections, requests: [{ setupRequest: pick }] };
  const warmup = job.warmupSeconds > 0 ? await autocannon({ ...options, duration: job.warmupSeconds }) : null;
  const result = await autocannon({ ...options, duration: job.seconds, timeout: 10 });
  return {
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    warmupTotal: warmup?.requests.total ?? 0,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([s, { count }]) => [s, count])),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Runs autocannon in a child process (this file with `--autocannon`). */
function loadInChild(job: LoadJob): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--autocannon', JSON.stringify(job)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon child exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as LoadFigures);
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The servers under test and the requests each scenario sends. */
interface Setup {
  scenarios: { id: string; name: string; url: string; targets: Target1[] }[];
  upstreamCalls: () => number;
  /** What (a) answered, replayed by the bare server. */
  cachedBytes: number;
  /** CPU µs per cached GET through the proxy's stages alone, called in a loop (no HTTP). */
  coreLoop(): Promise<number>;
  close(): Promise<void>;
}

async function setUp(): Promise<Setup> {
  const mock: MockServer = await startMockServer({
    port: 0,
    keys: KEYS.map((key) => ({ key, plan: 'enterprise' as const, balance_usd: 1_000_000 })),
    fixtures: false,
    log: () => {},
  });
  const servers: Server[] = [];
  try {
    // one video per key, so direct and uncached calls can spread over the keys' limits
    const owner = new Map<string, string>();
    for (const [n, key] of KEYS.entries()) {
      const response = await fetch(`${mock.url}/api/v1/videos/track`, {
        method: 'POST',
        headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          video_link: `https://www.tiktok.com/@bench/video/${7_600_000_000_000 + n}`,
          duration_days: 7,
        }),
      });
      if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
      owner.set(((await response.json()) as { id: string }).id, key);
    }
    const ids = [...owner.keys()];
    const cachedId = ids[0] as string;

    let upstreamCalls = 0;
    // the proxy has one key; each upstream call goes out with the key owning its video (path ends in the id)
    const spreadFetch: typeof fetch = (input, init) => {
      upstreamCalls++;
      const url = String(input);
      const key = owner.get(url.slice(url.lastIndexOf('/') + 1)) ?? (KEYS[0] as string);
      return fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), 'X-API-Key': key },
      });
    };
    const proxyOptions = {
      apiKey: KEYS[0] as string,
      upstream: mock.url,
      tokenSecret: SECRET,
      // counted as always, never reached: the figure is throughput, not the limiter's refusals
      limits: { requests: { max: 1e9, windowSeconds: 60 } },
      fetch: spreadFetch,
    };
    const app = express();
    app.disable('x-powered-by');
    app.use('/cached', expressProxy({ ...proxyOptions, store: createMemoryStore() }));
    app.use('/uncached', expressProxy({ ...proxyOptions, cache: false }));
    const proxyServer = createServer(app);
    servers.push(proxyServer);
    const proxyUrl = await listen(proxyServer);

    const { token } = await mintToken({ scope: 'read', subject: 'bench-reader', ttlSeconds: 3600 }, SECRET);
    const auth = { authorization: `Bearer ${token}` };
    const cachedPath = `/cached/api/v1/videos/${cachedId}`;
    // fills the cache, then keeps what a hit answers for the bare server
    await (await fetch(`${proxyUrl}${cachedPath}`, { headers: auth })).arrayBuffer();
    const hit = await fetch(`${proxyUrl}${cachedPath}`, { headers: auth });
    const body = Buffer.from(await hit.arrayBuffer());
    if (hit.status !== 200 || hit.headers.get('x-cache') !== 'HIT') {
      throw new Error(`the cached GET answered ${hit.status} ${hit.headers.get('x-cache')}, not a 200 HIT`);
    }
    const headers: IncomingHttpHeaders = {};
    hit.headers.forEach((value, name) => {
      // the bare server's own framing: same length, kept alive as the proxy's are
      if (name !== 'connection' && name !== 'keep-alive') headers[name] = value;
    });
    // sent as text, as the proxy sends its answers: Node then writes headers and body in one go
    const text = body.toString('utf8');
    const bare = createServer((_req, res) => {
      res.writeHead(200, headers);
      res.end(text);
    });
    servers.push(bare);
    const bareUrl = await listen(bare);

    // the bare server plus 15 µs of busy work per request: how the ratio answers added CPU on this box
    const spinning = createServer((_req, res) => {
      const end = process.hrtime.bigint() + 15_000n;
      while (process.hrtime.bigint() < end);
      res.writeHead(200, headers);
      res.end(text);
    });
    servers.push(spinning);
    const spinUrl = await listen(spinning);

    // Express alone answering the same bytes: what the framework costs before any proxy work
    const plain = express();
    plain.disable('x-powered-by');
    plain.use('/cached', (_req, res) => {
      res.writeHead(200, headers);
      res.end(text);
    });
    const plainServer = createServer(plain);
    servers.push(plainServer);
    const plainUrl = await listen(plainServer);

    // the same proxy as a plain node:http listener: what Express costs the proxy
    const coreServer = createServer(
      nodeProxy({ ...proxyOptions, store: createMemoryStore(), basePath: '/cached' }),
    );
    servers.push(coreServer);
    const coreUrl = await listen(coreServer);
    // fill its cache
    const fill = await fetch(`${coreUrl}${cachedPath}`, { headers: auth });
    await fill.arrayBuffer();
    if (fill.status !== 200) throw new Error(`the core server answered ${fill.status}`);

    return {
      scenarios: [
        {
          id: 'bare',
          name: '(c) bare node:http, same bytes',
          url: bareUrl,
          targets: [{ path: '/', headers: auth }],
        },
        {
          id: 'spin',
          name: '(h) bare node:http + 15 µs busy work/request',
          url: spinUrl,
          targets: [{ path: '/', headers: auth }],
        },
        {
          id: 'express',
          name: '(e) Express app.use, same bytes, no proxy',
          url: plainUrl,
          targets: [{ path: cachedPath, headers: auth }],
        },
        {
          id: 'cached',
          name: '(a) cached GET /videos/{id} via expressProxy',
          url: proxyUrl,
          targets: [{ path: cachedPath, headers: auth }],
        },
        {
          id: 'core',
          name: '(f) same cached GET via nodeProxy (no Express)',
          url: coreUrl,
          targets: [{ path: cachedPath, headers: auth }],
        },
        {
          id: 'uncached',
          name: '(b) uncached GET /videos/{id} (cache: false)',
          url: proxyUrl,
          targets: ids.map((id) => ({ path: `/uncached/api/v1/videos/${id}`, headers: auth })),
        },
        {
          id: 'direct',
          name: '(d) local API direct, GET /videos/{id}',
          url: mock.url,
          targets: ids.map((id) => ({
            path: `/api/v1/videos/${id}`,
            headers: { 'X-API-Key': owner.get(id) as string },
          })),
        },
      ],
      upstreamCalls: () => upstreamCalls,
      async coreLoop() {
        const core = createProxyCore({ ...proxyOptions, store: createMemoryStore() });
        const requestHeaders: Record<string, string> = { ...auth, host: '127.0.0.1' };
        const head = {
          method: 'GET',
          url: 'http://127.0.0.1/',
          headers: {
            get: (name: string) => requestHeaders[name.toLowerCase()] ?? null,
            has: (name: string) => name.toLowerCase() in requestHeaders,
          },
        };
        const hints = { path: `/api/v1/videos/${cachedId}`, clientKey: '127.0.0.1' };
        const first = await core(head, hints);
        if (first.status !== 200) throw new Error(`the core answered ${first.status}`);
        const runs: number[] = [];
        for (let round = 0; round < 5; round++) {
          const n = 20_000;
          const before = process.cpuUsage();
          for (let i = 0; i < n; i++) await core(head, hints);
          const cpu = process.cpuUsage(before);
          runs.push((cpu.user + cpu.system) / n);
        }
        return summary(runs).median;
      },
      cachedBytes: body.byteLength,
      async close() {
        for (const server of servers) await close(server);
        await mock.close();
      },
    };
  } catch (error) {
    for (const server of servers) await close(server);
    await mock.close();
    throw error;
  }
}

export const bench: Bench = {
  id: 'proxy',
  async run(): Promise<Section> {
    const setup = await setUp();
    // BENCH_PROXY_ONLY=bare,cached runs some scenarios (quick checks while fixing); bare is always run
    const only = process.env.BENCH_PROXY_ONLY?.split(',');
    const scenarios = setup.scenarios.filter((s) => !only || s.id === 'bare' || only.includes(s.id));
    try {
      const figures = new Map<string, LoadFigures[]>();
      const upstream = new Map<string, number>();
      for (let round = 0; round < ROUNDS; round++) {
        // alternate the order so drift in the box's load does not favour one scenario
        const order = round % 2 === 0 ? scenarios : [...scenarios].reverse();
        for (const scenario of order) {
          const before = setup.upstreamCalls();
          const cpuBefore = process.cpuUsage();
          const result = await loadInChild({
            url: scenario.url,
            connections: CONNECTIONS,
            seconds: SECONDS,
            warmupSeconds: WARMUP_SECONDS,
            targets: scenario.targets,
          });
          const cpu = process.cpuUsage(cpuBefore);
          // the servers' CPU time (this process: autocannon is a child) per request, warm-up included
          result.cpuUsPerRequest = (cpu.user + cpu.system) / Math.max(1, result.total + result.warmupTotal);
          upstream.set(scenario.id, (upstream.get(scenario.id) ?? 0) + setup.upstreamCalls() - before);
          figures.set(scenario.id, [...(figures.get(scenario.id) ?? []), result]);
        }
      }
      const median = (id: string, field: 'requestsPerSecond' | 'p50Ms' | 'p99Ms') =>
        summary((figures.get(id) ?? []).map((f) => f[field])).median;
      const cpuUs = (id: string) =>
        summary((figures.get(id) ?? []).map((f) => f.cpuUsPerRequest ?? 0)).median;
      const bareCpu = cpuUs('bare');
      const bareRps = median('bare', 'requestsPerSecond');
      const bareP50 = median('bare', 'p50Ms');
      const bareP99 = median('bare', 'p99Ms');
      const rows: Row[] = scenarios.map((scenario) => {
        const runs = figures.get(scenario.id) ?? [];
        const rps = median(scenario.id, 'requestsPerSecond');
        const statuses: Record<string, number> = {};
        for (const run of runs)
          for (const [s, n] of Object.entries(run.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
        const total = runs.reduce((n, r) => n + r.total + r.warmupTotal, 0);
        return {
          scenario: scenario.name,
          'req/s': rps,
          'req/s ratio': ratio(rps / bareRps),
          'p50 ms': median(scenario.id, 'p50Ms'),
          'p50 ratio': ratio(median(scenario.id, 'p50Ms') / Math.max(bareP50, 1)),
          'p99 ms': median(scenario.id, 'p99Ms'),
          'p99 ratio': ratio(median(scenario.id, 'p99Ms') / Math.max(bareP99, 1)),
          'server CPU µs/req': Math.round(cpuUs(scenario.id)),
          'CPU ratio': ratio(cpuUs(scenario.id) / bareCpu),
          'req/s per run': runs.map((r) => r.requestsPerSecond).join(' / '),
          statuses: Object.entries(statuses)
            .map(([s, n]) => `${s}×${n}`)
            .join(' '),
          errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
          'upstream/req':
            scenario.id === 'direct'
              ? null
              : ((upstream.get(scenario.id) ?? 0) / Math.max(total, 1)).toFixed(3),
        };
      });
      if (!only || only.includes('loop')) {
        const loopUs = await setup.coreLoop();
        rows.push({
          scenario: '(g) proxy stages alone, in-process loop, no HTTP',
          'server CPU µs/req': Math.round(loopUs * 10) / 10,
          'CPU ratio': ratio(loopUs / bareCpu),
        });
      }
      const cachedRatio = figures.has('cached')
        ? median('cached', 'requestsPerSecond') / bareRps
        : Number.NaN;
      const targets: Target[] = [
        {
          name: 'cached proxy GET, requests/s vs bare node:http',
          target: '≥ 0.8×',
          measured: ratio(cachedRatio),
          met: cachedRatio >= 0.8,
        },
      ];
      return {
        id: 'proxy',
        title: 'Proxy throughput on loopback',
        description:
          `Requests/s and latency of each server under ${CONNECTIONS} autocannon connections for ${SECONDS} s ` +
          `(after ${WARMUP_SECONDS} s of warm-up), one scenario at a time, ${ROUNDS} rounds (order reversed each round; medians); ratios to the bare node:http server.`,
        rows,
        targets,
        notes: [
          'The 2-core box was shared with other agents while this ran: compare the ratios, not the absolute figures.',
          'Servers (Express with both proxies, the bare server, the local API) run in the bench process; autocannon runs in a child process, one run at a time.',
          `The proxies and the local API are the built package (dist/proxy.js, dist/mock.js), as users run them; ${BUILD_NOTE}. (g) calls the stages from src/ through tsx (they are not exported), which adds esbuild's keepNames cost.`,
          'server CPU µs/req is the bench process’s CPU time (user + system) over a scenario divided by its requests: it moves less than requests/s when other work shares the cores. For (b) it includes the local API answering the upstream call in the same process.',
          `(a) one token-authenticated video GET answered from the memory cache (${setup.cachedBytes} B body); every request verifies the token, counts against the per-subject limit (max set to 1e9 so none is refused) and gets fresh max-age/Date headers.`,
          '(b) the same route through a second expressProxy with cache: false, over 150 videos picked at random per request (identical GETs in flight still share one upstream call: see upstream/req); the upstream call goes to the local API in this same process.',
          '(e) is Express with one app.use answering (c)’s bytes: the ceiling of any Express middleware on this box.',
          '(f) is the same proxy as nodeProxy, a plain node:http listener (same stages, store and token cache, no Express): what Express costs the proxy.',
          '(g) calls the same stages (token check, limits, cache, headers) 5 × 20,000 times in this process with a ready request head: what the proxy itself costs per cached GET, without the HTTP server around it (median of the 5).',
          '(h) is (c) spinning 15 µs of CPU before each answer: a calibration of what any added per-request work does to the ratio on this box (both cores are shared by the servers, autocannon and other work).',
          '(c) replays the exact status, headers and body (a) answered; (d) the same video GETs sent to the local API with each video owner’s key (150 enterprise keys, so its 1,200/min per-key limit is not reached).',
          'The proxies call the local API through a fetch wrapper that puts the owner’s key on each call (it counts calls too).',
        ],
      };
    } finally {
      await setup.close();
    }
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = process.argv[2];
  if (flag === '--autocannon') {
    const job = JSON.parse(process.argv[3] ?? '{}') as LoadJob;
    process.stdout.write(`${JSON.stringify(await runAutocannon(job))}\n`);
  } else if (flag === '--serve') {
    const setup = await setUp();
    for (const s of setup.scenarios) {
      const t = s.targets[0] as Target1;
      const header = Object.entries(t.headers)
        .map(([k, v]) => `-H '${k}: ${v}'`)
        .join(' ');
      process.stdout.write(
        `${s.id}: autocannon -c ${CONNECTIONS} -d ${SECONDS} ${header} ${s.url}${t.path}\n`,
      );
    }
    // the whole jobs (every target), for `bench/proxy.ts --autocannon "$(cat FILE)"` against this process
    const jobs = process.env.BENCH_PROXY_JOBS;
    if (jobs !== undefined) {
      const { writeFileSync } = await import('node:fs');
      for (const s of setup.scenarios) {
        const job: LoadJob = {
          url: s.url,
          connections: CONNECTIONS,
          seconds: SECONDS,
          warmupSeconds: 0,
          targets: s.targets,
        };
        writeFileSync(`${jobs}.${s.id}.json`, JSON.stringify(job));
      }
    }
    process.on('SIGINT', () => {
      void setup.close().then(() => process.exit(0));
    });
  } else {
    console.error('usage: bench/proxy.ts --serve | --autocannon <job json> (or npm run bench -- proxy)');
    process.exit(2);
  }
}
