import { BASE_HEADERS, refusalResponse } from './internal/respond.js';
import { type MintTokenOptions, mintToken, normaliseOrigin, secretKey, type TokenSecret } from './tokens.js';

/** Options of {@link createTokenEndpoint}. */
export interface TokenEndpointOptions {
  /** The secret the proxy verifies with (`tokenSecret`), at least 32 bytes. */
  secret: TokenSecret;
  /**
   * What the caller may do: fixed claims, or a function of the request that checks your session
   * and returns the claims, or `null` to refuse (401).
   */
  claims:
    | MintTokenOptions
    | ((
        request: Request,
      ) => MintTokenOptions | null | undefined | Promise<MintTokenOptions | null | undefined>);
  /**
   * Bind each token to the `Origin` of the page that asked for it (when the request has one
   * and the claims name none), so a leaked token is refused from any other page.
   * @defaultValue true
   */
  bindOrigin?: boolean;
}

/**
 * A token endpoint as a Web-standard handler: `POST` answers `{ token, expires_at }` with
 * `Cache-Control: no-store`, the shape `createClient({ tokenUrl })` reads. Mount it behind
 * your own session auth, or check the session in `claims`.
 *
 * @example
 * const tokens = createTokenEndpoint({
 *   secret: process.env.TOKEN_SECRET!,
 *   claims: async (request) => ((await getSession(request)) ? { scope: ['read', 'track'] } : null),
 * });
 */
export function createTokenEndpoint(options: TokenEndpointOptions): (request: Request) => Promise<Response> {
  secretKey(options.secret);
  const bindOrigin = options.bindOrigin ?? true;
  return async (request) => {
    if (request.method.toUpperCase() !== 'POST') {
      return refusalResponse(
        { status: 405, code: 'method_not_allowed', message: 'Ask for a token with POST.' },
        { Allow: 'POST' },
      );
    }
    let claims: MintTokenOptions | null | undefined;
    try {
      claims = typeof options.claims === 'function' ? await options.claims(request) : options.claims;
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
