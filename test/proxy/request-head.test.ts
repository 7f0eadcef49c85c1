import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeRequestHead, toWebRequest } from '../../src/http/nodeRequest';
import { closeServer, listen } from './harness';

/** Sends raw header lines (repeats included) and hands the server's `req` to `inspect`. */
async function receive(
  headers: [string, string][],
  inspect: (req: IncomingMessage) => void,
): Promise<{ server: Server }> {
  let seen: (() => void) | undefined;
  const done = new Promise<void>((resolve) => {
    seen = resolve;
  });
  const server = createServer((req, res) => {
    try {
      inspect(req);
    } finally {
      res.end();
      seen?.();
    }
  });
  const url = new URL(await listen(server));
  await new Promise<void>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: '/x?y=1', method: 'GET' }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    for (const [name, value] of headers) req.appendHeader(name, value);
    req.end();
  });
  await done;
  return { server };
}

describe('a Node request read as a request head', () => {
  let server: Server | undefined;
  afterEach(async () => {
    if (server) await closeServer(server);
    server = undefined;
  });

  it('gives every header as the Web Request built from it would, repeats and case included', async () => {
    const sent: [string, string][] = [
      ['Authorization', 'Bearer abc.def.ghi'],
      ['Origin', 'https://shop.example'],
      ['X-Forwarded-Host', 'a.example'],
      ['X-Forwarded-Host', 'b.example'],
      ['Accept', 'application/json'],
      ['Accept', 'text/plain'],
      ['Cookie', 'a=1'],
      ['Cookie', 'b=2'],
      ['If-None-Match', '"x"'],
    ];
    let urlReads = 0;
    const compared: Record<string, [string | null, string | null]> = {};
    ({ server } = await receive(sent, (req) => {
      const head = nodeRequestHead(req, () => {
        urlReads++;
        return 'http://proxy.example/api';
      });
      const web = toWebRequest(req, 'http://proxy.example/api');
      for (const name of [
        'authorization',
        'Origin',
        'x-forwarded-host',
        'accept',
        'cookie',
        'IF-NONE-MATCH',
        'referer',
        'host',
      ]) {
        compared[name] = [head.headers.get(name), web.headers.get(name)];
        expect(head.headers.has(name)).toBe(web.headers.has(name));
      }
      expect(head.method).toBe(web.method);
      expect(urlReads).toBe(0);
      expect([head.url, head.url]).toEqual(['http://proxy.example/api', 'http://proxy.example/api']);
      expect(urlReads).toBe(1);
    }));
    for (const [name, [fromHead, fromWeb]] of Object.entries(compared)) {
      expect({ name, value: fromHead }).toEqual({ name, value: fromWeb });
    }
    expect(compared['x-forwarded-host']?.[0]).toBe('a.example, b.example');
    expect(compared.referer?.[0]).toBeNull();
  });
});
