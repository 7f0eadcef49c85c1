import { describe, expect, it } from 'vitest';
import { isValidVideoLink, parseVideoLink } from '../../src/client/links';

describe('parseVideoLink accepts the documented forms', () => {
  it.each([
    [
      'https://www.tiktok.com/@user/video/1234567890',
      'https://www.tiktok.com/@user/video/1234567890',
      'video',
    ],
    ['https://tiktok.com/@user/video/1234567890', 'https://www.tiktok.com/@user/video/1234567890', 'video'],
    [
      'https://m.tiktok.com/@user.name_1/video/7301234567890123456',
      'https://www.tiktok.com/@user.name_1/video/7301234567890123456',
      'video',
    ],
    [
      'https://www.tiktok.com/@user/video/123?is_from_webapp=1&sender_device=pc',
      'https://www.tiktok.com/@user/video/123',
      'video',
    ],
    ['https://www.tiktok.com/@user/video/123/', 'https://www.tiktok.com/@user/video/123', 'video'],
    ['https://www.tiktok.com/@user/video/123#comments', 'https://www.tiktok.com/@user/video/123', 'video'],
    ['  https://www.tiktok.com/@user/video/123  ', 'https://www.tiktok.com/@user/video/123', 'video'],
    ['http://www.tiktok.com/@user/video/123', 'https://www.tiktok.com/@user/video/123', 'video'],
    ['www.tiktok.com/@user/video/123', 'https://www.tiktok.com/@user/video/123', 'video'],
    ['HTTPS://WWW.TIKTOK.COM/@user/video/123', 'https://www.tiktok.com/@user/video/123', 'video'],
    ['https://vm.tiktok.com/ZMabc123/', 'https://vm.tiktok.com/ZMabc123/', 'short'],
    ['https://vm.tiktok.com/ZMabc123', 'https://vm.tiktok.com/ZMabc123/', 'short'],
    ['https://www.tiktok.com/t/ZTRabc12/', 'https://www.tiktok.com/t/ZTRabc12/', 'short'],
    ['https://tiktok.com/t/ZTRabc12?x=1', 'https://www.tiktok.com/t/ZTRabc12/', 'short'],
    ['tiktok.com:443/@user/video/123', 'https://www.tiktok.com/@user/video/123', 'video'],
  ])('%s', (input, url, kind) => {
    const result = parseVideoLink(input);
    expect(result).toMatchObject({ ok: true, platform: 'tiktok', url, kind });
  });

  it('extracts the handle and the video id', () => {
    expect(parseVideoLink('https://www.tiktok.com/@charlidamelio/video/7301234567890123456')).toMatchObject({
      username: 'charlidamelio',
      videoId: '7301234567890123456',
    });
  });
});

describe('parseVideoLink refuses look-alikes and tricks with a reason', () => {
  it.each([
    ['', /empty/],
    ['not a link', /spaces/],
    ['https://tiktok.com.evil.io/@user/video/123', /not a TikTok host/],
    ['https://eviltiktok.com/@user/video/123', /not a TikTok host/],
    ['https://www.tiktok.com.evil.io/@user/video/123', /not a TikTok host/],
    ['https://evil.io/www.tiktok.com/@user/video/123', /not a TikTok host/],
    ['https://www.tiktok.com@evil.io/@user/video/123', /user name or password/],
    ['https://evil.io@www.tiktok.com/@user/video/123', /user name or password/],
    ['https://user:pass@www.tiktok.com/@user/video/123', /user name or password/],
    ['javascript:alert(1)//www.tiktok.com/@user/video/123', /Only https/],
    ['data:text/html,https://www.tiktok.com/@user/video/1', /Only https/],
    ['ftp://www.tiktok.com/@user/video/123', /Only https/],
    ['https://www.tiktok.com:8443/@user/video/123', /port/],
    ['https://www.tiktok.com/@user', /does not point to a video/],
    ['https://www.tiktok.com/@user/video/abc', /does not point to a video/],
    ['https://www.tiktok.com/@user/video/123/../../admin', /does not point to a video/],
    ['https://www.tiktok.com/%40user/video/123', /does not point to a video/],
    ['https://vm.tiktok.com/', /no video code/],
    ['https://vm.tiktok.com/abc/def', /no video code/],
    ['https://www.tiktok.com\\@evil.io/@user/video/1', /spaces or control/],
    ['https://www.tiktok.com/@user/video/1\n2', /spaces or control/],
    ['https://www.youtube.com/watch?v=123', /not a TikTok host/],
    [`https://www.tiktok.com/@user/video/${'1'.repeat(3000)}`, /too long/],
  ])('%s', (input, reason) => {
    const result = parseVideoLink(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      // every refusal tells the person what a good link looks like
      expect(result.reason).toContain('https://www.tiktok.com/@user/video/1234567890');
    }
  });

  it('isValidVideoLink mirrors parseVideoLink', () => {
    expect(isValidVideoLink('https://vm.tiktok.com/ZMabc/')).toBe(true);
    expect(isValidVideoLink('https://vm.tiktok.com.evil/ZMabc/')).toBe(false);
  });
});

describe('parseVideoLink gives one canonical link per video', () => {
  // regression: m./www. and the handle's case made a second tracking (and charge) of one video
  it.each([
    'https://m.tiktok.com/@User/video/1',
    'https://www.tiktok.com/@user/video/1',
    'https://tiktok.com/@USER/video/1/',
    'm.tiktok.com/@uSeR/video/1?lang=en',
    'HTTP://M.TIKTOK.COM/@User/video/1#top',
  ])('%s → https://www.tiktok.com/@user/video/1', (input) => {
    expect(parseVideoLink(input)).toMatchObject({
      ok: true,
      url: 'https://www.tiktok.com/@user/video/1',
      username: 'user',
      videoId: '1',
    });
  });

  it('keeps a short code as given (codes are case-sensitive) on its canonical host', () => {
    expect(parseVideoLink('https://m.tiktok.com/t/ZTabC12')).toMatchObject({
      url: 'https://www.tiktok.com/t/ZTabC12/',
      code: 'ZTabC12',
    });
    expect(parseVideoLink('VM.TIKTOK.COM/ZMaBc123')).toMatchObject({
      url: 'https://vm.tiktok.com/ZMaBc123/',
    });
    expect(parseVideoLink('https://vm.tiktok.com/zmabc123/')).toMatchObject({
      url: 'https://vm.tiktok.com/zmabc123/',
    });
  });
});
