import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readNodeBody } from '../../src/http/cappedBody';
import { toWebRequest } from '../../src/http/nodeRequest';
import { sendWebResponse } from '../../src/http/nodeResponse';
import { DEMO_API_KEY, type MockServer, startMockServer } from '../../src/mock/index';
import { closeServer, listen } from './harness';

/** POSTs `chunks` chunked (no Content-Length), so only a reader that counts the bytes can stop it. */
function postChunked(
  url: string,
  chunks: string[],
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path: pathname,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-API-Key': DEMO_API_KEY },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      },
    );
    // the server may close the connection after answering: the rest of the upload is not an error
    req.on('error', (error) => {
      if (!req.writableEnded) reject(error);
    });
    const write = (i: number): void => {
      if (i === chunks.length) {
        req.end();
        return;
      }
      req.write(chunks[i], () => setImmediate(() => write(i + 1)));
    };
    write(0);
  });
}

describe('one Node⇄Web adapter and capped reader for the proxy and the local API', () => {
  let mock: MockServer | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await mock?.close();
    if (server) await closeServer(server);
    mock = undefined;
    server = undefined;
  });

  it('the local API answers 413 JSON to a streamed body past 1 MB and spends nothing', async () => {
    mock = await startMockServer({ port: 0 });
    const chunk = 'x'.repeat(256 * 1024);
    const res = await postChunked(
      `${mock.url}/api/v1/videos/track`,
      Array.from({ length: 8 }, () => chunk),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({ error: expect.stringMatching(/too large/) });
    expect(mock.api.requestCount()).toBe(0);
  });

  it('reads a body within the limit, and says null past it (declared or streamed)', async () => {
    const results: (number | null)[] = [];
    server = createServer(async (req, res) => {
      const bytes = await readNodeBody(req, 10);
      results.push(bytes === null ? null : bytes.byteLength);
      res.end();
    });
    const url = await listen(server);
    await fetch(url, { method: 'POST', body: '0123456789' });
    await fetch(url, { method: 'POST', body: '0123456789a' });
    await postChunked(url, ['01234', '56789', 'a']);
    expect(results).toEqual([10, null, null]);
  });

  it('carries headers both ways: repeated request headers, each Set-Cookie apart, no length on a 304', async () => {
    let seen: Request | undefined;
    let status = 200;
    server = createServer(async (req, res) => {
      seen = toWebRequest(req, `http://${req.headers.host}${req.url}`, null);
      const headers = new Headers({ 'Content-Type': 'text/plain' });
      headers.append('Set-Cookie', 'a=1');
      headers.append('Set-Cookie', 'b=2');
      await sendWebResponse(res, new Response(status === 304 ? null : 'hello', { status, headers }), {
        'X-Extra': 'yes',
        'Content-Type': 'overridden',
      });
    });
    const url = await listen(server);
    const { port } = server.address() as AddressInfo;
    const raw = await new Promise<{ headers: Record<string, unknown>; body: string }>((resolve) => {
      httpRequest({ host: '127.0.0.1', port, path: '/p?q=1', headers: { Accept: ['a', 'b'] } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve({ headers: res.headers, body }));
      }).end();
    });
    expect(seen?.url).toBe(`${url}/p?q=1`);
    expect(seen?.headers.get('accept')).toBe('a, b');
    expect(raw.body).toBe('hello');
    expect(raw.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(raw.headers['content-type']).toBe('text/plain');
    expect(raw.headers['x-extra']).toBe('yes');
    expect(raw.headers['content-length']).toBe('5');
    status = 304;
    const notModified = await fetch(url);
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-length')).toBeNull();
  });
});

describe('the local API lets a page on another origin read its clock', () => {
  it('exposes Date (not CORS-safelisted) beside the rate-limit headers', async () => {
    const mock = await startMockServer({ port: 0 });
    try {
      const res = await fetch(`${mock.url}/api/v1/usage`, {
        headers: { 'X-API-Key': DEMO_API_KEY, Origin: 'http://localhost:5173' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-expose-headers')).toMatch(/\bDate\b/);
      expect(res.headers.get('date')).not.toBeNull();
    } finally {
      await mock.close();
    }
  });
});
