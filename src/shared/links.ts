import type { Platform } from './platform.js';

/** A link the API accepts, in its canonical form. */
export interface ValidVideoLink {
  ok: true;
  platform: Platform;
  /**
   * Canonical link to send as `video_link`: `https://`, no query or fragment, and one spelling per
   * video — `https://www.tiktok.com/@<handle, lower-cased>/video/<id>` whatever the host
   * (`tiktok.com`, `www.`, `m.`) or the handle's case; short links keep their (case-sensitive)
   * code on their canonical host, `https://vm.tiktok.com/<code>/` or `https://www.tiktok.com/t/<code>/`.
   */
  url: string;
  /** `video` for `tiktok.com/@user/video/<id>`, `short` for `vm.tiktok.com/<code>` and `tiktok.com/t/<code>`. */
  kind: 'video' | 'short';
  /** Numeric video id, for `kind: 'video'`. */
  videoId?: string;
  /** Handle without `@`, lower-cased, for `kind: 'video'`. */
  username?: string;
  /** Share code, for `kind: 'short'`. */
  code?: string;
}

/** Why a link was refused, in words a person can act on. */
export interface InvalidVideoLink {
  ok: false;
  reason: string;
}

/** Result of {@link parseVideoLink}. */
export type ParsedVideoLink = ValidVideoLink | InvalidVideoLink;

const MAX_LINK_LENGTH = 2048;
const FULL_HOSTS = new Set(['tiktok.com', 'www.tiktok.com', 'm.tiktok.com']);
const SHORT_HOST = 'vm.tiktok.com';
const VIDEO_PATH = /^\/@([A-Za-z0-9_.-]{1,64})\/video\/(\d{1,32})\/?$/;
const T_PATH = /^\/t\/([A-Za-z0-9]{1,32})\/?$/;
const VM_PATH = /^\/([A-Za-z0-9]{1,32})\/?$/;

const EXPECTED =
  'Use a public TikTok video link such as https://www.tiktok.com/@user/video/1234567890, https://vm.tiktok.com/ZMabc123/ or https://www.tiktok.com/t/ZTabc123/.';

function invalid(reason: string): InvalidVideoLink {
  return { ok: false, reason: `${reason} ${EXPECTED}` };
}

/**
 * Checks a video link before any credit is spent. Accepts the three TikTok forms of the
 * API docs (with or without `www.`/`m.`, a query string or a trailing slash; a missing
 * scheme or `http:` is upgraded to `https:`) and refuses everything else, including
 * look-alike hosts, `javascript:` links and `user@host` tricks. An accepted link comes back in
 * its canonical form (see {@link ValidVideoLink.url}): two spellings of one video give the same `url`.
 */
export function parseVideoLink(input: string): ParsedVideoLink {
  if (typeof input !== 'string') return invalid('The video link must be a string.');
  const raw = input.trim();
  if (raw === '') return invalid('The video link is empty.');
  if (raw.length > MAX_LINK_LENGTH) return invalid('The video link is too long.');
  // Control characters and whitespace inside a link are never part of a real share link.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\s\u0000-\u001f\u007f\\]/.test(raw))
    return invalid('The video link contains spaces or control characters.');

  // "tiktok.com:443/..." is a host and port, not a scheme
  const hasScheme = /^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)/.test(raw);
  if (hasScheme && !/^https?:\/\//i.test(raw)) return invalid('Only https:// links are accepted.');
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    return invalid('That is not a valid URL.');
  }
  if (url.username !== '' || url.password !== '')
    return invalid('Links with a user name or password are refused.');
  if (url.port !== '' && url.port !== '443' && url.port !== '80')
    return invalid('Links with a port are refused.');

  const host = url.hostname;
  let match: RegExpExecArray | null;
  if (FULL_HOSTS.has(host)) {
    match = VIDEO_PATH.exec(url.pathname);
    if (match) {
      const [, handle, videoId] = match as unknown as [string, string, string];
      // TikTok handles are case-insensitive and m./www. serve the same page: one canonical form,
      // so the same video is never tracked (and charged) twice under two spellings
      const username = handle.toLowerCase();
      return {
        ok: true,
        platform: 'tiktok',
        kind: 'video',
        url: `https://www.tiktok.com/@${username}/video/${videoId}`,
        username,
        videoId,
      };
    }
    match = T_PATH.exec(url.pathname);
    if (match) {
      const code = match[1] as string;
      return { ok: true, platform: 'tiktok', kind: 'short', url: `https://www.tiktok.com/t/${code}/`, code };
    }
    return invalid('This TikTok link does not point to a video.');
  }
  if (host === SHORT_HOST) {
    match = VM_PATH.exec(url.pathname);
    if (match) {
      const code = match[1] as string;
      return { ok: true, platform: 'tiktok', kind: 'short', url: `https://vm.tiktok.com/${code}/`, code };
    }
    return invalid('This short link has no video code.');
  }
  return invalid(`"${host}" is not a TikTok host.`);
}

/** `true` when {@link parseVideoLink} accepts the link. */
export function isValidVideoLink(input: string): boolean {
  return parseVideoLink(input).ok;
}
