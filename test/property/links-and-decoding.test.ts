import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DecodeError,
  decodeTrackedVideo,
  decodeUsage,
  decodeVideo,
  decodeVideoList,
} from '../../src/client/internal/decode';
import { parseVideoLink } from '../../src/shared/links';

const TIKTOK_HOSTS = new Set(['tiktok.com', 'www.tiktok.com', 'm.tiktok.com', 'vm.tiktok.com']);

// hosts that look like TikTok's to a hurried eye
const lookalikeHost = fc.oneof(
  fc.constantFrom(
    'tiktok.com.evil.io',
    'evil-tiktok.com',
    'tiktok.co',
    'tiktokcom.io',
    'www.tiktok.com.attacker.net',
    'xn--tiktk-9ya.com',
    'vm.tiktok.com.example',
  ),
  fc.domain().filter((d) => !TIKTOK_HOSTS.has(d.toLowerCase())),
);
const linkPath = fc.oneof(
  fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/), fc.stringMatching(/^\d{1,19}$/))
    .map(([user, id]) => `/@${user}/video/${id}`),
  fc.stringMatching(/^[A-Za-z0-9]{1,12}$/).map((code) => `/t/${code}/`),
  fc.stringMatching(/^[A-Za-z0-9]{1,12}$/).map((code) => `/${code}`),
);

describe('parseVideoLink, for any input', () => {
  it('never throws and always answers ok or a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: 'binary' })), (input) => {
        const parsed = parseVideoLink(input);
        if (parsed.ok) expect(parsed.url.startsWith('https://')).toBe(true);
        else expect(parsed.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });

  it("never accepts a host that is not TikTok's, however the rest of the link looks", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('https://', 'http://', '', '//', 'https://user:pw@', 'https://tiktok.com@'),
        lookalikeHost,
        linkPath,
        fc.constantFrom('', '?lang=en', '#x', '/'),
        (scheme, host, path, tail) => {
          const parsed = parseVideoLink(`${scheme}${host}${path}${tail}`);
          if (parsed.ok) expect(TIKTOK_HOSTS.has(new URL(parsed.url).hostname)).toBe(true);
          expect(parsed.ok && !TIKTOK_HOSTS.has(host.toLowerCase())).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives every accepted link a canonical form that parses to itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('tiktok.com', 'www.tiktok.com', 'm.tiktok.com', 'WWW.TikTok.com'),
        linkPath.filter((p) => p.startsWith('/@')),
        (host, path) => {
          const parsed = parseVideoLink(`https://${host}${path}`);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          const again = parseVideoLink(parsed.url);
          expect(again).toMatchObject({ ok: true, url: parsed.url });
        },
      ),
    );
  });
});

describe('response decoding, for any JSON', () => {
  const decoders = {
    decodeVideo: (v: unknown) => decodeVideo(v),
    decodeVideoList,
    decodeUsage,
    decodeTrackedVideo: (v: unknown) =>
      decodeTrackedVideo(v, {
        video_link: 'https://www.tiktok.com/@a/video/1',
        platform: 'tiktok',
        estimated_cost: 1,
      }),
  };

  it.each(Object.entries(decoders))(
    '%s either decodes or throws a DecodeError naming the field',
    (_name, decode) => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          try {
            decode(value);
          } catch (error) {
            expect(error).toBeInstanceOf(DecodeError);
            expect((error as Error).message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 1000 },
      );
    },
  );

  const count = fc.bigInt({ min: 0n, max: 2n ** 80n }).map(String);
  const snapshot = fc.record({
    id: fc.string({ minLength: 1, maxLength: 8 }),
    snapshot_id: fc.string({ minLength: 1, maxLength: 8 }),
    snapshot_time: fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    views: count,
    likes: count,
    comments: count,
    shares: fc.option(count, { nil: null }),
    saves: fc.option(count, { nil: null }),
    provider: fc.string({ maxLength: 8 }),
  });

  it('never yields a wrong type: counts stay decimal strings, snapshots come sorted', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.stringMatching(/^[a-z0-9]{1,12}$/),
          snapshots: fc.array(snapshot, { maxLength: 20 }),
        }),
        fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue(), { maxKeys: 3 }),
        (video, extra) => {
          const decoded = decodeVideo({ ...extra, ...video });
          expect(typeof decoded.id).toBe('string');
          for (const s of decoded.snapshots) {
            expect(s.views).toMatch(/^\d+$/);
            expect(s.shares === null || /^\d+$/.test(s.shares)).toBe(true);
          }
          const times = decoded.snapshots.map((s) => Date.parse(s.snapshot_time));
          expect(times).toEqual([...times].sort((a, b) => a - b));
        },
      ),
      { numRuns: 500 },
    );
  });
});
