import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getFormatters } from '../../src/components/internal/format';
import { parseCount } from '../../src/metrics/counts';
import { downsampleLttb } from '../../src/metrics/downsample';
import { toDeltas, toPoints } from '../../src/metrics/series';
import { matchRoute } from '../../src/proxy/routes';
import { mintToken, verifyToken } from '../../src/proxy/tokens';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

// counts that never decrease, some far above 2^53
const growingCounts = fc
  .array(fc.bigInt({ min: 0n, max: 2n ** 70n }), { minLength: 2, maxLength: 60 })
  .map((steps) => {
    let total = 0n;
    return steps.map((s) => {
      total += s;
      return total;
    });
  });

describe('series math', () => {
  it('per-hour deltas are the exact differences over the hours between snapshots', () => {
    fc.assert(
      fc.property(growingCounts, fc.integer({ min: 1, max: 5 }), (views, gapHours) => {
        const snapshots = views.map((v, i) => ({
          snapshot_time: new Date(T0 + i * gapHours * HOUR).toISOString(),
          views: String(v),
          likes: '0',
          comments: '0',
          shares: null,
          saves: null,
        }));
        const deltas = toDeltas(toPoints(snapshots));
        expect(deltas).toHaveLength(views.length - 1);
        deltas.forEach((d, i) => {
          const exact = (views[i + 1] as bigint) - (views[i] as bigint);
          expect(d.hours).toBe(gapHours);
          expect(d.perHour.views).toBe(Number(exact) / gapHours);
          expect(d.perHour.views).toBeGreaterThanOrEqual(0);
          expect(d.perHour.shares).toBeNull();
        });
      }),
    );
  });

  it('downsampling keeps first, last and the extremes, stays within the target, keeps order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 0, maxLength: 400 }),
        fc.integer({ min: 4, max: 100 }),
        (ys, target) => {
          const data = ys.map((y, x) => ({ x, y }));
          const out = downsampleLttb(
            data,
            target,
            (d) => d.x,
            (d) => d.y,
          );
          expect(out.length).toBeLessThanOrEqual(Math.min(target, data.length));
          if (data.length === 0) return;
          expect(out[0]).toBe(data[0]);
          expect(out.at(-1)).toBe(data.at(-1));
          const xs = out.map((d) => d.x);
          expect(xs).toEqual([...xs].sort((a, b) => a - b));
          const max = Math.max(...ys);
          const min = Math.min(...ys);
          expect(out.some((d) => d.y === max)).toBe(true);
          expect(out.some((d) => d.y === min)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('counts above 2^53', () => {
  it('survive parse → exact format digit for digit', () => {
    const format = getFormatters('en-US');
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n, max: 2n ** 120n }), (n) => {
        const parsed = parseCount(String(n));
        expect(parsed).toBe(n);
        expect(format.exact(parsed).replace(/,/g, '')).toBe(String(n));
      }),
    );
  });
});

describe('token verification', () => {
  const secret = 'a-test-secret-that-is-at-least-32-bytes-long!';

  it('never accepts a token with any one character changed', async () => {
    const { token } = await mintToken({ scope: 'read', videoIds: ['cm5abc123'], subject: 'u1' }, secret);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: token.length - 1 }),
        fc.constantFrom(...alphabet),
        async (index, replacement) => {
          fc.pre(token[index] !== replacement);
          const modified = token.slice(0, index) + replacement + token.slice(index + 1);
          // a change in the signature's last character can land in padding bits jose ignores;
          // then the decoded signature is the same bytes: not a modification of the token's meaning
          const verdict = await verifyToken(modified, secret).then(
            (v) => ({ ok: true as const, v }),
            () => ({ ok: false as const }),
          );
          if (verdict.ok) {
            expect(index).toBe(token.length - 1);
            expect(verdict.v).toMatchObject({ subject: 'u1' });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never accepts a token signed with another secret', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 32, maxLength: 64 }), async (other) => {
        fc.pre(other !== secret && new TextEncoder().encode(other).length >= 32);
        const { token } = await mintToken({ scope: ['read', 'track'] }, other);
        await expect(verifyToken(token, secret)).rejects.toThrow();
      }),
      { numRuns: 50 },
    );
  });
});

describe("the proxy's route matcher", () => {
  const ALLOWED = new Set([
    'GET /api/v1/videos',
    'POST /api/v1/videos/track',
    'GET /api/v1/videos/:id',
    'POST /api/v1/videos/:id/stop',
    'GET /api/v1/usage',
  ]);
  const segment = fc.oneof(
    fc.constantFrom(
      'api',
      'v1',
      'videos',
      'track',
      'stop',
      'usage',
      '..',
      '.',
      '',
      '%2e',
      '%2F',
      'admin',
      'v2',
    ),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/),
    fc.string({ maxLength: 6 }),
  );
  const path = fc.array(segment, { minLength: 0, maxLength: 6 }).map((s) => `/${s.join('/')}`);

  it('never forwards a path outside the allowlist, and rebuilds what it forwards', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc.oneof(path, fc.string()),
        (method, raw) => {
          const match = matchRoute(method, raw);
          if (!match.ok) return;
          const { route } = match;
          expect(ALLOWED.has(`${route.method} ${route.pattern}`)).toBe(true);
          expect(route.method).toBe(method);
          expect(route.upstreamPath).toMatch(
            /^\/api\/v1\/(videos(\/track|\/[A-Za-z0-9_-]{1,64}(\/stop)?)?|usage)$/,
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});
