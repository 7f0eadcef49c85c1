import type { RequestHead } from '../../http/nodeRequest.js';
import type { ProxyRoute } from '../routes.js';
import { normaliseOrigin, TokenError, type VerifiedToken } from '../tokens.js';
import type { ProxyConfig } from './config.js';
import type { ProxyContext } from './context.js';
import { type Refusal, unauthorized } from './respond.js';
import { isJsonContentType } from './trackBody.js';

/** Who is calling, once let in. */
export interface Principal {
  auth: 'token' | 'session';
  /**
   * What the per-client limits and the Idempotency-Key namespace count against: `sub:<subject>`
   * for a token naming one, else `client:<address>`. Never the token id: anyone who can mint
   * tokens could then reset the limits with a token per request. Without a known address (Web
   * handler without `clientKey`) all such callers share `client:unknown`: one bucket, failing closed.
   */
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
function pageOrigin(request: RequestHead): string | null {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === 'null' ? 'null' : normaliseOrigin(origin);
  const referer = request.headers.get('referer');
  return referer === null ? null : normaliseOrigin(referer);
}

function sameHost(origin: string, request: RequestHead): boolean {
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
 * Whether a request comes from the page origin a token is bound to: its `Origin`, else its
 * `Referer`, else `Sec-Fetch-Site: same-origin` when the token is bound to this very host
 * (under `Referrer-Policy: no-referrer` a same-origin GET carries neither header). Browsers set
 * these and pages cannot change them; any other client can, so the binding stops a leaked
 * token from being replayed by another page in a browser, not by a script.
 */
function fromBoundOrigin(request: RequestHead, bound: string): boolean {
  const page = pageOrigin(request);
  if (page !== null) return page === bound;
  return request.headers.get('sec-fetch-site') === 'same-origin' && sameHost(bound, request);
}

/**
 * The CSRF gate of the session path, where a cookie rides along on cross-site requests (a
 * token does not): the page must be this host or an origin listed by name (`'*'` lists none);
 * a POST must say where it comes from (`Origin`, or `Sec-Fetch-Site: same-origin`); and stop,
 * which has no body, must carry a header a plain cross-site form cannot send.
 */
function sessionGate(config: ProxyConfig, request: RequestHead, route: ProxyRoute): Refusal | null {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const notAllowed = (message: string): Refusal => ({ status: 403, code: 'origin_not_allowed', message });
  if (origin !== null) {
    if (!config.cors.lists(origin) && !sameHost(origin, request)) {
      return notAllowed('Requests from this page origin are not allowed. Add it to allowedOrigins.');
    }
  } else if (site !== null && site !== 'same-origin' && site !== 'none') {
    // <img>, <script> or a form GET from another site: the browser sends no Origin, but says so here
    return notAllowed('Cross-site requests without an access token are refused.');
  } else if (route.method === 'POST' && site !== 'same-origin') {
    return {
      status: 403,
      code: 'origin_required',
      message: 'Send this request from a web page (browsers add an Origin header), or with an access token.',
    };
  }
  if (
    route.name === 'stopTracking' &&
    !isJsonContentType(request.headers.get('content-type')) &&
    !request.headers.has('x-requested-with')
  ) {
    return {
      status: 415,
      code: 'unsupported_media_type',
      message:
        'Send stop with Content-Type: application/json or an X-Requested-With header (a plain form cannot).',
    };
  }
  return null;
}

/**
 * Lets a request in by its bearer token (signature, expiry, origin binding, scope, video ids)
 * or, without a token, by the host app's `authorize` hook behind {@link sessionGate}, so a page
 * on another site cannot use the visitor's session. `clientKey` is the client address, if known.
 */
export async function authenticate(
  config: ProxyConfig,
  context: Pick<ProxyContext, 'request' | 'route' | 'webRequest'>,
  clientKey: string | undefined,
): Promise<AuthResult> {
  const { request, route } = context;
  const clientLimitKey = `client:${clientKey ?? 'unknown'}`;
  const header = request.headers.get('authorization');
  if (header !== null) {
    const match = /^Bearer[ \t]+([A-Za-z0-9_.~+/=-]+)[ \t]*$/i.exec(header);
    if (!match) {
      return refuse(
        unauthorized('bad_authorization', 'Send the access token as "Authorization: Bearer <token>".'),
      );
    }
    if (config.verifyBearer === null) {
      return refuse(unauthorized('tokens_not_accepted', 'This proxy does not accept access tokens.'));
    }
    let token: VerifiedToken;
    try {
      token = await config.verifyBearer(match[1] as string);
    } catch (error) {
      if (error instanceof TokenError) return refuse(unauthorized(error.code, error.message));
      throw error;
    }
    if (token.origin !== null && !fromBoundOrigin(request, token.origin)) {
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
    // a subject is the host's user id; without one, the address (a fresh token per request used to reset the limits)
    const limitKey = token.subject === null ? clientLimitKey : `sub:${token.subject}`;
    return { ok: true, principal: { auth: 'token', limitKey, videoIds: token.videoIds } };
  }

  const authorize = config.options.authorize;
  // tokens only: say so, rather than refusing a session path that is not open anyway
  if (!authorize && config.tokenKey !== null) {
    return refuse(
      unauthorized(
        'missing_token',
        'An access token is required: send "Authorization: Bearer <token>" from your token endpoint.',
      ),
    );
  }
  const gate = sessionGate(config, request, route);
  if (gate !== null) return refuse(gate);
  if (authorize) {
    const allowed = await authorize(context.webRequest(), {
      operation: route.operation,
      route: route.name,
      videoId: route.videoId,
    });
    if (allowed !== true) {
      return refuse({ status: 401, code: 'unauthorized', message: 'Sign in to use this endpoint.' });
    }
  }
  return { ok: true, principal: { auth: 'session', limitKey: clientLimitKey, videoIds: null } };
}
