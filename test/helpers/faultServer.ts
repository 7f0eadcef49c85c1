import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fault server does with the n-th request. */
export type Fault =
  | 'pass'
  /** forward to the upstream (so it takes effect there), then drop the connection: the response is lost */
  | 'drop-after-forward'
  /** drop the connection without forwarding */
  | 'drop'
  /** never answer */
  | 'hang'
  | { status: number; headers?: Record<string, string>; body?: string };

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

export interface FaultServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A real HTTP server in front of an upstream that misbehaves on purpose, by request index:
 * `plan(0)` decides the first request, and so on. Requests past the plan pass through.
 */
export async function startFaultServer(
  upstream: string | null,
  plan: (index: number) => Fault,
): Promise<FaultServer> {
  const seen: SeenRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    const index = seen.length;
    seen.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    const fault = plan(index);
    const body = await readBody(req);
    if (fault === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (typeof fault === 'object') {
      res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
      res.end(fault.body ?? '');
      return;
    }
    if (!upstream) throw new Error('no upstream to pass to');
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && k !== 'host' && k !== 'connection' && k !== 'content-length')
        headers.set(k, v);
    }
    const response = await fetch(upstream + (req.url ?? '/'), {
      method: req.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
    });
    const text = await response.text();
    if (fault === 'drop-after-forward') {
      req.socket.destroy();
      return;
    }
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
    });
    res.writeHead(response.status, out);
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits for real I/O (not timers, which may be fake) until `check` passes. */
export async function until(check: () => boolean, what = 'condition', limitMs = 5000): Promise<void> {
  const start = process.hrtime.bigint();
  while ((process.hrtime.bigint() - start) / 1_000_000n < BigInt(limitMs)) {
    if (check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}
