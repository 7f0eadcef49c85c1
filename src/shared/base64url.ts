/**
 * base64url (RFC 4648 §5, no padding) with Web APIs only, so it runs in browsers, Node and workers.
 * Tokens (JWT parts) and ETags use it on both sides of the proxy.
 */

/** Encodes bytes as unpadded base64url. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes base64url (padded or not) to a binary string, one char per byte, as `atob` does.
 * Throws a `DOMException` for text that is not base64url.
 */
export function base64UrlDecode(text: string): string {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}
