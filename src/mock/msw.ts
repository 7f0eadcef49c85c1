import { http, type RequestHandler } from 'msw';
import { createMockApi } from './engine.js';
import type { MockApi } from './types.js';

/** Options of {@link createHandlers}. */
export interface MockHandlersOptions {
  /** Origin (or origin + proxy path) to answer for, e.g. `http://localhost:6006/api/contentstats`. @defaultValue '*' (any) */
  baseUrl?: string;
}

/**
 * MSW request handlers answering the documented API from a {@link MockApi} engine, the same
 * engine `startMockServer` serves over HTTP. Use them in Storybook, browser tests or Node tests.
 */
export function createHandlers(
  api: Pick<MockApi, 'handle'>,
  options: MockHandlersOptions = {},
): RequestHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
  return [http.all(`${base}/api/v1/*`, async ({ request }) => api.handle(await atApiRoot(request)))];
}

/** The engine serves `/api/v1/...` at the root; a proxy path in front of it (`/api/contentstats/api/v1/...`) is dropped. */
async function atApiRoot(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const at = url.pathname.indexOf('/api/v1/');
  if (at <= 0) return request;
  url.pathname = url.pathname.slice(at);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, {
    method: request.method,
    headers: new Headers(request.headers),
    ...(hasBody ? { body: await request.arrayBuffer() } : {}),
  });
}

let defaultApi: MockApi | undefined;

/** The engine behind {@link handlers}, created on first use with the demo key and fixtures. */
export function defaultMockApi(): MockApi {
  defaultApi ??= createMockApi();
  return defaultApi;
}

/** Starts {@link handlers} over with a fresh engine (balances, videos and rate limits reset), e.g. between tests. */
export function resetDefaultMockApi(): void {
  defaultApi = undefined;
}

/** Ready-made handlers on a default engine (demo key `cs_demo_key`, fixture videos), any origin. */
export const handlers: RequestHandler[] = createHandlers({
  handle: (request) => defaultMockApi().handle(request),
});
