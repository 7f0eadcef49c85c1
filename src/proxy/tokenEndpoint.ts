import { BASE_HEADERS, refusalResponse } from './internal/respond.js';
import { type MintTokenOptions, mintToken, normaliseOrigin, secretKey, type TokenSecret } from './tokens.js';

/** What `claims` is told besides the request. */
export interface TokenClaimsContext {
  /** The client address: `req.ip` in Express, the `clientKey` option in the Web handler; `undefined` when unknown. */
  clientKey: string | undefined;
}

/** Options of {@link createTokenEndpoint}. */
export interface TokenEndpointOptions {
  /** The secret the proxy verifies with (`tokenSecret`), at least 32 bytes. */
  secret: TokenSecret;
  /**
   * What the caller may do: a function of the request that checks your session and returns the
   * claims (with your user id as `subject`), or `null` to refuse (401). Fixed claims are accepted
   * too, for an endpoint already behind your session middleware.
   */
  claims:
    | MintTokenOptions
    | ((
        request: Request,
        context: TokenClaimsContext,
      ) => MintTokenOptions | null | undefined | Promise<MintTokenOptions | null | undefined>);
  /**
   * Bind each token to the `Origin` of the page that asked for it (when the request has one
   * and the claims name none), so a leaked token is refused when another page replays it in a
   * browser. A client outside a browser can send any `Origin`: binding is no defence there.
   * @defaultValue true
   */
  bindOrigin?: boolean;
  /** The client address given to `claims` (Web handler only; Express uses `req.ip`). */
  clientKey?: (request: Request) => string | undefined;
}

/** The token endpoint with adapter hints (the Express adapter knows `req.ip`). */
export type TokenHandler = (request: Request, hints?: { clientKey?: string }) => Promise<Response>;

/**
 * A token endpoint as a Web-standard handler: `POST` answers `{ token, expires_at }` with
 * `Cache-Control: no-store`, the shape `createClient({ tokenUrl })` reads. Mount it behind
 * your own session auth, or check the session in `claims`.
 *
 * @example
 * const tokens = createTokenEndpoint({
 *   secret: process.env.TOKEN_SECRET!,
 *   claims: async (request) => {
 *     const user = await getSession(request); // your session check
 *     return user ? { scope: ['read', 'track'], subject: user.id } : null;
 *   },
 * });
 */
export function createTokenEndpoint(options: TokenEndpointOptions): (request: Request) => Promise<Response> {
  const handle = createTokenHandler(options);
  return (request) => handle(request);
}

/** {@link createTokenEndpoint} taking adapter hints. */
export function createTokenHandler(options: TokenEndpointOptions): TokenHandler {
  secretKey(options.secret);
  const bindOrigin = options.bindOrigin ?? true;
  return async (request, hints = {}) => {
    if (request.method.toUpperCase() !== 'POST') {
      return refusalResponse(
        { status: 405, code: 'method_not_allowed', message: 'Ask for a token with POST.' },
        { Allow: 'POST' },
      );
    }
    let claims: MintTokenOptions | null | undefined;
    try {
      const clientKey = options.clientKey?.(request) ?? hints.clientKey;
      claims =
        typeof options.claims === 'function' ? await options.claims(request, { clientKey }) : options.claims;
    } catch {
      return refusalResponse({ status: 500, code: 'token_error', message: 'Could not issue a token.' });
    }
    if (!claims) {
      return refusalResponse({
        status: 401,
        code: 'unauthorized',
        message: 'Sign in to get an access token.',
      });
    }
    const origin = request.headers.get('origin');
    const bound = origin !== null ? normaliseOrigin(origin) : null;
    const minted = await mintToken(
      bindOrigin && claims.origin === undefined && bound !== null ? { ...claims, origin: bound } : claims,
      options.secret,
    );
    return new Response(JSON.stringify(minted), {
      status: 200,
      headers: { ...BASE_HEADERS, 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    });
  };
}
