import type { ProxyRoute } from '../routes.js';
import { normaliseOrigin, TokenError, verifyToken } from '../tokens.js';
import type { ProxyConfig } from './config.js';
import { type Refusal, unauthorized } from './respond.js';

/** Who is calling, once let in. */
export interface Principal {
  auth: 'token' | 'session';
  /** Key of the per-client limits: token subject (or token id), or client address. */
  limitKey: string;
  /** Video ids the caller is limited to, or `null` for all. */
  videoIds: string[] | null;
}

/** Result of {@link authenticate}. */
export type AuthResult = { ok: true; principal: Principal } | { ok: false; refusal: Refusal };

function forbidden(code: string, message: string): AuthResult {
  return { ok: false, refusal: { status: 403, code, message } };
}

function refuse(refusal: Refusal): AuthResult {
  return { ok: false, refusal };
}

/** The page origin of a request: `Origin`, or the origin of `Referer` (same-origin GETs carry no `Origin`). */
export function pageOrigin(request: Request): string | null {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === 'null' ? 'null' : normaliseOrigin(origin);
  const referer = request.headers.get('referer');
  return referer === null ? null : normaliseOrigin(referer);
}

function sameHost(origin: string, request: Request): boolean {
  const normalised = normaliseOrigin(origin);
  if (normalised === null) return false;
  const host = new URL(normalised).host;
  let requestHost: string | null = null;
  try {
    requestHost = new URL(request.url).host;
  } catch {
    // a request URL Node could not parse has no host to compare with
  }
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return host === requestHost || host === forwarded;
}

/**
 * Lets a request in by its bearer token (signature, expiry, origin binding, scope, video ids)
 * or, without a token, by the host app's `authorize` hook. Requests without a token from a
 * foreign page origin are refused, so a form on another site cannot use the visitor's session.
 */
export async function authenticate(
  config: ProxyConfig,
  request: Request,
  route: ProxyRoute,
  clientKey: string,
): Promise<AuthResult> {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const match = /^Bearer[ \t]+([A-Za-z0-9_.~+/=-]+)[ \t]*$/i.exec(header);
    if (!match) {
      return refuse(
        unauthorized('bad_authorization', 'Send the access token as "Authorization: Bearer <token>".'),
      );
    }
    if (config.tokenKey === null) {
      return refuse(unauthorized('tokens_not_accepted', 'This proxy does not accept access tokens.'));
    }
    let token: Awaited<ReturnType<typeof verifyToken>>;
    try {
      token = await verifyToken(match[1] as string, config.tokenKey, {
        clockToleranceSeconds: config.clockToleranceSeconds,
      });
    } catch (error) {
      if (error instanceof TokenError) return refuse(unauthorized(error.code, error.message));
      throw error;
    }
    if (token.origin !== null && pageOrigin(request) !== token.origin) {
      return forbidden('origin_mismatch', 'This access token was issued for another page origin.');
    }
    if (!token.scope.includes(route.operation)) {
      return forbidden(
        'missing_scope',
        `This access token does not allow "${route.operation}" (it allows: ${token.scope.join(', ')}).`,
      );
    }
    // track is never limited by ids: the new video's id does not exist when the token is minted
    if (
      route.videoId !== undefined &&
      route.operation !== 'track' &&
      token.videoIds !== null &&
      !token.videoIds.includes(route.videoId)
    ) {
      return forbidden('video_not_allowed', `This access token does not allow video "${route.videoId}".`);
    }
    return {
      ok: true,
      principal: { auth: 'token', limitKey: `sub:${token.subject ?? token.id}`, videoIds: token.videoIds },
    };
  }

  const origin = request.headers.get('origin');
  if (origin !== null && !config.cors.allows(origin) && !sameHost(origin, request)) {
    return forbidden(
      'origin_not_allowed',
      'Requests from this page origin are not allowed. Add it to allowedOrigins.',
    );
  }
  const authorize = config.options.authorize;
  if (authorize) {
    const allowed = await authorize(request, {
      operation: route.operation,
      route: route.name,
      videoId: route.videoId,
    });
    if (allowed !== true) {
      return refuse({ status: 401, code: 'unauthorized', message: 'Sign in to use this endpoint.' });
    }
  } else if (config.tokenKey !== null) {
    return refuse(
      unauthorized(
        'missing_token',
        'An access token is required: send "Authorization: Bearer <token>" from your token endpoint.',
      ),
    );
  }
  return { ok: true, principal: { auth: 'session', limitKey: `client:${clientKey}`, videoIds: null } };
}
