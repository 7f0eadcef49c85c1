import { jwtClaims } from '../shared/jwtClaims.js';

/**
 * Scopes a token claims (`scope` as an array or a space-separated string), read without
 * verifying it: only to decide what to show; the proxy enforces them. `null` when the token
 * is not a JWT or names no scope (then the proxy alone decides).
 */
export function tokenScopes(token: string): string[] | null {
  const scope = jwtClaims(token)?.scope;
  if (Array.isArray(scope)) return scope.filter((s): s is string => typeof s === 'string');
  if (typeof scope === 'string') return scope.split(/\s+/).filter(Boolean);
  return null;
}
