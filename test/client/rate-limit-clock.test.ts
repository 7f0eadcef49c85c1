import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/createClient';
import type { ContentStatsError } from '../../src/client/errors';
import { parseRateLimit, parseRetryAt } from '../../src/client/rateLimit';

// A reset or an HTTP-date Retry-After is a time on the API's clock. A viewer whose clock is off
// (or an API on an accelerated clock) must still wait the seconds the API meant, not what its own
// clock makes of the API's timestamp.

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0, 400);
const SKEW = 5 * 60_000; // the API's clock runs 5 minutes ahead of the viewer's
const apiNow = NOW + SKEW;
const http = (ms: number) => new Date(ms).toUTCString();

function headers(entries: Record<string, string>): Headers {
  return new Headers({ 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '0', ...entries });
}

describe('rate-limit times from a skewed API clock', () => {
  it('an epoch-seconds reset 30 s ahead on the API clock is 30 s ahead on the viewer clock (to the second, never early)', () => {
    const reset = Math.floor((apiNow + 30_000) / 1000);
    const limit = parseRateLimit(headers({ 'X-RateLimit-Reset': String(reset), Date: http(apiNow) }), NOW);
    const wait = (limit?.resetAt ?? 0) - NOW;
    expect(wait).toBeGreaterThanOrEqual(29_000);
    expect(wait).toBeLessThanOrEqual(31_000);
    // read naively, the viewer would wait 5 minutes and 30 seconds
  });

  it('epoch milliseconds too; seconds-from-now need no clock', () => {
    const ms = parseRateLimit(
      headers({ 'X-RateLimit-Reset': String(apiNow + 10_000), Date: http(apiNow) }),
      NOW,
    );
    expect((ms?.resetAt ?? 0) - NOW).toBeGreaterThanOrEqual(10_000);
    expect((ms?.resetAt ?? 0) - NOW).toBeLessThanOrEqual(11_000);
    const relative = parseRateLimit(headers({ 'X-RateLimit-Reset': '12', Date: http(apiNow) }), NOW);
    expect(relative?.resetAt).toBe(NOW + 12_000);
  });

  it('without a Date header the reset is taken as it is', () => {
    const reset = Math.floor((NOW + 30_000) / 1000);
    expect(parseRateLimit(headers({ 'X-RateLimit-Reset': String(reset) }), NOW)?.resetAt).toBe(reset * 1000);
  });

  it('an HTTP-date Retry-After is moved by the same skew', () => {
    const at = parseRetryAt(
      new Headers({ 'Retry-After': http(apiNow + 20_000), Date: http(apiNow) }),
      null,
      NOW,
    );
    expect((at ?? 0) - NOW).toBeGreaterThanOrEqual(20_000);
    expect((at ?? 0) - NOW).toBeLessThanOrEqual(21_000);
  });

  it("a 429 from an API an hour ahead: the client's error says the right wait", async () => {
    const server = createServer((_req, res) => {
      const api = Date.now() + 3_600_000;
      res.writeHead(429, {
        'Content-Type': 'application/json',
        Date: http(api),
        'X-RateLimit-Limit': '60',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Math.floor(api / 1000) + 40),
      });
      res.end(JSON.stringify({ error: 'Rate limit exceeded' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k', retry: false });
      const error = await client.getUsage().then(
        () => {
          throw new Error('expected a 429');
        },
        (e: unknown) => e as ContentStatsError,
      );
      expect(error.code).toBe('rate_limited');
      const wait = (error.retryAt ?? 0) - Date.now();
      expect(wait).toBeGreaterThan(35_000);
      expect(wait).toBeLessThanOrEqual(41_000);
    } finally {
      server.close();
    }
  });
});
