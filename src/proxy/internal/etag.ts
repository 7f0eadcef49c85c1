import { base64UrlEncode } from '../../shared/index.js';

const encoder = new TextEncoder();

/** SHA-256 of `text`, base64url (Web Crypto, so it runs in workers too). */
export async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  return base64UrlEncode(new Uint8Array(digest));
}

/** A strong ETag of a response body. */
export async function etagOf(body: string): Promise<string> {
  return `"${(await sha256(body)).slice(0, 27)}"`;
}

/** `true` when an `If-None-Match` header names `etag` (weak comparison, `*` included). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((raw) => {
    const candidate = raw.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === bare;
  });
}
