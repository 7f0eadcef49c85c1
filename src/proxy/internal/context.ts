import type { BodyReader } from '../../http/cappedBody.js';
import type { RequestHead } from '../../http/nodeRequest.js';
import type { ProxyLogEntry } from '../options.js';
import type { ProxyRoute } from '../routes.js';
import type { Principal } from './auth.js';
import type { ProxyResponse } from './proxyResponse.js';
import { type Refusal, refusalAnswer } from './respond.js';
import type { UpstreamAnswer } from './upstream.js';

/** What an adapter knows better than the `Request` it built. */
export interface HandlerHints {
  /** Raw path and query below the mount point, exactly as received (`req.url` in Express). */
  path?: string;
  /** The client address (`req.ip`). */
  clientKey?: string;
  /** Reads the body with a limit (Node streams); the Web body is read otherwise. */
  readBody?: BodyReader;
  /** Builds the request as a Web `Request`, when the pipeline was given only its head (Node adapters). */
  webRequest?: () => Request;
}

/** What the log line will say, filled in by the stages as the request goes through. */
export type LogState = Pick<ProxyLogEntry, 'route' | 'cache' | 'auth' | 'upstream_status' | 'code' | 'cause'>;

/**
 * One request on its way through the stages: what earlier stages found out (the route, the
 * caller, the upstream query and body) for later ones. Reading a field before the stage that
 * sets it has run is a bug in the pipeline's order, and throws.
 */
export class ProxyContext {
  /** What the stages read of the request; {@link ProxyContext.webRequest} for the whole Web `Request`. */
  readonly request: RequestHead;
  readonly hints: HandlerHints;
  /** Upper-cased request method. */
  readonly method: string;
  readonly log: LogState = { route: null, cache: 'bypass', auth: 'none' };
  /** The query string as received (`''` or `?…`), before {@link ProxyContext.query} is filtered from it. */
  search = '';
  /** The query to send upstream, only allowlisted parameters. */
  query = '';
  /** The track body to send upstream, checked and normalised. */
  body: string | undefined;
  /** The caller's `Idempotency-Key`, namespaced per caller. */
  idempotencyKey: string | undefined;
  /** The API's answer this request's response was built from (also when it shared another's call). */
  answer: UpstreamAnswer | null = null;
  #route: ProxyRoute | null = null;
  #principal: Principal | null = null;
  #web: Request | null = null;

  constructor(request: RequestHead, hints: HandlerHints) {
    this.request = request;
    this.hints = hints;
    this.method = request.method.toUpperCase();
  }

  /**
   * The request as a Web `Request`, for the host app's hooks (`authorize`, `clientKey`) and the
   * Web body reader; a Node adapter builds it only now.
   */
  webRequest(): Request {
    if (this.#web === null) {
      if (this.hints.webRequest) this.#web = this.hints.webRequest();
      else if (this.request instanceof Request) this.#web = this.request;
      else throw new Error('proxy pipeline: a request head without hints.webRequest');
    }
    return this.#web;
  }

  /** The matched route (set by the `matchPath` stage). */
  get route(): ProxyRoute {
    if (this.#route === null) throw new Error('proxy pipeline: the route was read before matchPath ran');
    return this.#route;
  }

  set route(route: ProxyRoute) {
    this.#route = route;
  }

  /** Who is calling (set by the `authenticate` stage). */
  get principal(): Principal {
    if (this.#principal === null)
      throw new Error('proxy pipeline: the caller was read before authenticate ran');
    return this.#principal;
  }

  set principal(principal: Principal) {
    this.#principal = principal;
  }

  /** A refusal the proxy makes itself, its code noted for the log line. */
  refuse(refusal: Refusal, extraHeaders: Record<string, string> = {}): ProxyResponse {
    this.log.code = refusal.code;
    return refusalAnswer(refusal, extraHeaders);
  }
}
