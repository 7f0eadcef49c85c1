import { base64UrlDecode } from '../shared/base64url.js';

/**
 * Scopes a token claims (`scope` as an array or a space-separated string), read without
 * verifying it: only to decide what to show; the proxy enforces them. `null` when the token
 * is not a JWT or names no scope (then the proxy alone decides).
 */
export function tokenScopes(token: string): string[] | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(base64UrlDecode(payload)) as { scope?: unknown };
    if (Array.isArray(claims.scope)) return claims.scope.filter((s): s is string => typeof s === 'string');
    if (typeof claims.scope === 'string') return claims.scope.split(/\s+/).filter(Boolean);
    return null;
  } catch {
    return null;
  }
}
