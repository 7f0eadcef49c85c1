import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { type MockServer, startMockServer } from '../../src/mock/index';
import {
  type ExpressProxyOptions,
  expressProxy,
  expressTokenEndpoint,
  type MintTokenOptions,
  mintToken,
  type ProxyLogEntry,
} from '../../src/proxy/index';

/** A distinctive key, so a leak anywhere is found by a plain substring search. */
export const API_KEY = 'cs_live_SERVERKEY_never_in_a_browser_7f3a9c';
export const SECRET = 'proxy-test-token-secret-0123456789-abcdefghij';
export const MOUNT = '/api/contentstats';

/** One request as the upstream (the local API, behind a counting passthrough) received it. */
export interface UpstreamCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Everything that went back to a caller: status line, headers and body, for leak checks. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: Record<string, unknown>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function readAll(req: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A node:http server in front of `target` that records every request and can delay answers
 * (to make concurrent requests overlap) — the count of upstream calls is taken here.
 */
export async function startCountingUpstream(target: string) {
  const calls: UpstreamCall[] = [];
  let delayMs = 0;
  // holds back the answer (already computed by the API) of matching calls: an in-flight response
  const answerDelays = new Map<string, number>();
  let answered = 0;
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
    }
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body === '' ? {} : { body }),
    });
    answered++;
    const holdMs = answerDelays.get(`${req.method} ${req.url}`) ?? 0;
    if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding')
        out[name] = value;
    });
    res.writeHead(answer.status, out);
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  const url = await listen(server);
  return {
    url,
    calls,
    setDelay(ms: number) {
      delayMs = ms;
    },
    /** Delays passing on the API's answer to `match` (`GET /api/v1/videos/abc`): the API answered at once, the proxy hears it `ms` later. */
    delayAnswer(match: string, ms: number) {
      answerDelays.set(match, ms);
    },
    /** How many calls the API itself has answered (before any {@link delayAnswer}). */
    answered: () => answered,
    /** Calls whose method and path (without query) match, e.g. `POST /api/v1/videos/track`; all without `match`. */
    count(match?: string): number {
      if (match === undefined) return calls.length;
      return calls.filter(
        (c) => `${c.method} ${c.url.split('?')[0]}` === match || c.url.split('?')[0] === match,
      ).length;
    },
    reset() {
      calls.length = 0;
      answerDelays.clear();
    },
    close: () => closeServer(server),
  };
}

type FakeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** An upstream whose behaviour each test sets (headers, statuses, bodies the local API never sends). */
export async function startFakeUpstream() {
  let handler: FakeHandler = (_req, res) => res.end('{}');
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  const url = await listen(server);
  return {
    url,
    hits,
    set(next: FakeHandler) {
      handler = next;
      hits.length = 0;
    },
    close: () => closeServer(server),
  };
}

/** What {@link startHarness}'s `send` and `proxy` send. */
export interface SendInit {
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Write the body but never end the request (with a larger declared Content-Length). */
  keepOpen?: boolean;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  /** Options over the harness's; `undefined` removes one (`tokenSecret: undefined`: the same-origin proxy). */
  proxy?: { [K in keyof ExpressProxyOptions]?: ExpressProxyOptions[K] | undefined };
  /** Claims the harness's token endpoint issues (`POST /token`). */
  tokenClaims?: MintTokenOptions | ((request: Request) => MintTokenOptions | null);
  /** Use this upstream instead of the counting passthrough to the local API. */
  upstreamUrl?: string;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * Express app with the proxy at `/api/contentstats` (and a token endpoint at `/token`), in front
 * of a counting passthrough to the local API. Records every response and log line for leak checks.
 */
export async function startHarness(options: HarnessOptions = {}) {
  const mock: MockServer = await startMockServer({
    port: 0,
    keys: [{ key: API_KEY, plan: 'pro', balance_usd: 100 }],
  });
  const upstream = await startCountingUpstream(mock.url);
  const logs: ProxyLogEntry[] = [];
  const seen: string[] = [];
  const app = express();
  app.post(
    '/token',
    expressTokenEndpoint({ secret: SECRET, claims: options.tokenClaims ?? { scope: ['read', 'track'] } }),
  );
  const proxyOptions: Record<string, unknown> = {
    apiKey: API_KEY,
    upstream: options.upstreamUrl ?? upstream.url,
    tokenSecret: SECRET,
    onLog: (entry: ProxyLogEntry) => logs.push(entry),
    ...options.proxy,
  };
  // an option given as undefined is absent (as exactOptionalPropertyTypes wants it)
  for (const [name, value] of Object.entries(proxyOptions))
    if (value === undefined) delete proxyOptions[name];
  app.use(MOUNT, expressProxy(proxyOptions as unknown as ExpressProxyOptions));
  const server = createServer(app);
  const origin = await listen(server);

  /**
   * A raw HTTP request (the path is sent exactly as given: no URL normalisation). The body goes
   * chunked unless `headers` declare a Content-Length; `keepOpen` sends it but never ends the
   * request, so only an answer that does not wait for the rest of the body arrives.
   */
  function send(method: string, path: string, init: SendInit = {}): Promise<RawResponse> {
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: init.headers }, (res) => {
        readAll(res).then((text) => {
          if (init.keepOpen) req.destroy();
          seen.push(JSON.stringify(res.headers), text);
          let json: Record<string, unknown> = {};
          try {
            json = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
          } catch {
            // not JSON: json stays empty, text is asserted instead
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        }, reject);
      });
      req.on('error', (error) => {
        // destroying a kept-open request after its answer is not a failure
        if (!init.keepOpen) reject(error);
      });
      if (init.body !== undefined) req.write(init.body);
      if (!init.keepOpen) req.end();
    });
  }

  /** A request to the proxy, `path` below the mount point. */
  function proxy(method: string, path: string, init: SendInit = {}) {
    return send(method, `${MOUNT}${path}`, init);
  }

  async function token(claims: MintTokenOptions): Promise<string> {
    return (await mintToken(claims, SECRET)).token;
  }

  /** Tracks a video directly on the local API (setup, not counted). */
  async function seedVideo(n: number): Promise<string> {
    const response = await fetch(`${mock.url}/api/v1/videos/track`, {
      method: 'POST',
      headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        video_link: `https://www.tiktok.com/@seed/video/${9000 + n}`,
        duration_days: 7,
      }),
    });
    return ((await response.json()) as { id: string }).id;
  }

  return {
    mock,
    upstream,
    logs,
    seen,
    origin,
    url: `${origin}${MOUNT}`,
    send,
    proxy,
    token,
    seedVideo,
    async close() {
      await closeServer(server);
      await upstream.close();
      await mock.close();
    },
  };
}

/** Bearer header of a token. */
export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${token}`, ...extra };
}

export { closeServer, listen, readAll };
