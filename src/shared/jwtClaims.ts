import { base64UrlDecode } from './base64url.js';

/**
 * The claims of a JWT, read without verifying it: the server verifies; the client only plans
 * refreshes and the embed decides what to show. `null` when the token is not a JWT or its payload
 * is not a JSON object.
 */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(payload));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
