import { http, type RequestHandler } from 'msw';
import { createMockApi } from './engine';
import type { MockApi } from './types';

/** Options of {@link createHandlers}. */
export interface MockHandlersOptions {
  /** Origin (or origin + proxy path) to answer for, e.g. `http://localhost:6006/api/contentstats`. @defaultValue '*' (any) */
  baseUrl?: string;
}

/**
 * MSW request handlers answering the documented API from a {@link MockApi} engine, the same
 * engine `startMockServer` serves over HTTP. Use them in Storybook, browser tests or Node tests.
 */
export function createHandlers(api: MockApi, options: MockHandlersOptions = {}): RequestHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
  return [http.all(`${base}/api/v1/*`, ({ request }) => api.handle(request))];
}

let defaultApi: MockApi | undefined;

/** The engine behind {@link handlers}, created on first use with the demo key and fixtures. */
export function defaultMockApi(): MockApi {
  defaultApi ??= createMockApi();
  return defaultApi;
}

/** Ready-made handlers on a default engine (demo key `cs_demo_key`, fixture videos), any origin. */
export const handlers: RequestHandler[] = [
  http.all('*/api/v1/*', ({ request }) => defaultMockApi().handle(request)),
];
