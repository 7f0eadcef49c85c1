import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readNodeBody } from '../http/cappedBody.js';
import { toWebRequest } from '../http/nodeRequest.js';
import { sendWebResponse } from '../http/nodeResponse.js';
import { createMockApi } from './engine.js';
import { createChaos } from './internal/chaos.js';
import { CORS_HEADERS, MAX_BODY_BYTES, sendJsonError } from './internal/node-http.js';
import { startWebhookDelivery, type WebhookDeliverer } from './internal/webhook-delivery.js';
import type { MockApi, MockApiKey, MockChaos, MockChaosOptions, MockWebhookConfig } from './types.js';

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  /** Port to listen on; `0` (default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `'127.0.0.1'` (local only). */
  host?: string;
  /** Simulated seconds per real second (3600 = one snapshot hour per second). Default 1. */
  speed?: number;
  /** Simulated clock start: ISO 8601 time or ms since the epoch. Default: now. */
  start?: string | number;
  /** Accepted keys (default: the demo key). Ignored when `api` is given. */
  keys?: MockApiKey[];
  /** Seed of ids and numbers. Ignored when `api` is given. */
  seed?: string;
  /** Give the demo key its fixture videos (default `true`). Ignored when `api` is given. */
  fixtures?: boolean;
  /** Where to POST webhook events; default: the `api`'s own `webhook`, if any. */
  webhook?: MockWebhookConfig;
  /** Serve this engine instead of creating one (then `speed`, `start`, `keys`, `seed` are ignored). */
  api?: MockApi;
  /** How often pending webhook events are delivered, in real ms. Default 1000. */
  webhookIntervalMs?: number;
  /** Where delivery failures are reported. Default: a line on stderr. */
  log?: (message: string) => void;
  /**
   * Faults to inject from the start (see {@link MockChaosOptions}); change them any time through
   * {@link MockServer.chaos}. A dropped connection is a destroyed socket. @defaultValue off
   */
  chaos?: MockChaosOptions;
}

/** A running local API; see {@link startMockServer}. */
export interface MockServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  api: MockApi;
  /** Fault injection controls (`set`, `once`, `clear`): the `api`'s own when it has them. */
  chaos: MockChaos;
  /** Delivers pending webhook events now (resolves with how many succeeded; 0 without a webhook). */
  flushWebhooks(): Promise<number>;
  /** Stops webhook delivery, closes open connections and the server. */
  close(): Promise<void>;
}

function parseStart(start: string | number | undefined): number {
  if (start === undefined) return Date.now();
  const ms = typeof start === 'number' ? start : Date.parse(start);
  if (!Number.isFinite(ms))
    throw new RangeError(`start must be an ISO 8601 time or ms since the epoch: ${start}`);
  return ms;
}

/** A simulated clock starting at `startMs` and running `speed` times faster than real time. */
function simulatedClock(startMs: number, speed: number): () => number {
  const realStart = Date.now();
  return () => startMs + (Date.now() - realStart) * speed;
}

/**
 * Serves a {@link MockApi} over `node:http`: the documented ContentStats API at
 * `<url>/api/v1/...`, for demos, Storybook and tests.
 *
 * Server-level behaviour: permissive CORS (any origin; `X-API-Key`, `Idempotency-Key`,
 * `Authorization` and `Content-Type` allowed; `X-RateLimit-*`, `Retry-After` and
 * `Idempotent-Replayed` exposed), `OPTIONS` preflight → 204, request bodies above 1 MB →
 * 413 JSON. These two answers come from the server itself and do not count against
 * rate limits. With a webhook configured, pending events are POSTed every second (see
 * `signWebhookPayload` for the headers); failures are logged once and dropped. With `chaos` (or
 * later through `server.chaos`), it fails on purpose: see {@link MockChaosOptions}.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const speed = options.speed ?? 1;
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed must be a number > 0: ${speed}`);
  const api =
    options.api ??
    createMockApi({
      clock: simulatedClock(parseStart(options.start), speed),
      speed,
      wallClock: Date.now,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.keys === undefined ? {} : { keys: options.keys }),
      ...(options.fixtures === undefined ? {} : { fixtures: options.fixtures }),
      ...(options.webhook === undefined ? {} : { webhook: options.webhook }),
    });
  // an engine made with chaos keeps its own injector; otherwise the server puts one in front of it
  const ownChaos = api.chaos ? null : createChaos(options.chaos);
  if (api.chaos && options.chaos) api.chaos.set(options.chaos);
  const chaos: MockChaos = api.chaos ?? (ownChaos as MockChaos);
  const handle = ownChaos
    ? ownChaos.wrap((request) => api.handle(request))
    : (request: Request) => api.handle(request);
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let origin = `http://${urlHost}`;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS_HEADERS, 'Content-Length': '0' });
      res.end();
      return;
    }
    let body: Uint8Array | null = null;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      body = await readNodeBody(req, MAX_BODY_BYTES);
      if (body === null) {
        // the reader paused the upload; Connection: close ends it once this answer is sent
        sendJsonError(res, 413, 'Request body too large: the limit is 1 MB.', {
          ...CORS_HEADERS,
          Connection: 'close',
        });
        return;
      }
    }
    const response = await handle(toWebRequest(req, new URL(req.url ?? '/', origin), body));
    // only chaos answers this way: a connection dropped on purpose
    if (response.type === 'error') {
      res.destroy();
      return;
    }
    await sendWebResponse(res, response, CORS_HEADERS);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent)
        sendJsonError(res, 500, `Local ContentStats API failed: ${message}`, CORS_HEADERS);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${urlHost}:${port}`;

  const webhook = options.webhook ?? api.webhook;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const delivery: WebhookDeliverer | null = webhook
    ? startWebhookDelivery({ api, webhook, intervalMs: options.webhookIntervalMs ?? 1000, log })
    : null;

  let closing: Promise<void> | null = null;
  return {
    url: origin,
    port,
    api,
    chaos,
    flushWebhooks: () => delivery?.flush() ?? Promise.resolve(0),
    close() {
      closing ??= (async () => {
        await delivery?.stop();
        ownChaos?.dispose();
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
