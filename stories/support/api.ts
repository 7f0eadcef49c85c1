import type { MockApi, MockApiOptions } from '../../src/mock/browser.js';
import { createMockApi, DEMO_API_KEY } from '../../src/mock/browser.js';
import { createHandlers } from '../../src/mock/msw.js';

/** Where stories mount the API, as a same-origin proxy would: `<ContentStatsProvider baseUrl>`. */
export const STORY_API_PATH = '/api/contentstats';

/** The proxy's job in stories: add the key the browser never sees (the demo key unless told). */
function withKey(api: MockApi, key: string): Pick<MockApi, 'handle'> {
  return {
    handle(request) {
      const headers = new Headers(request.headers);
      headers.set('x-api-key', key);
      return api.handle(new Request(request, { headers }));
    },
  };
}

/**
 * MSW handlers answering {@link STORY_API_PATH} from a fresh local API engine (demo key,
 * fixture videos). Call it once per story that changes data, so stories do not share state.
 */
export function storyApiHandlers(options?: MockApiOptions, proxy: { key?: string } = {}) {
  return createHandlers(withKey(createMockApi(options), proxy.key ?? DEMO_API_KEY), {
    baseUrl: STORY_API_PATH,
  });
}
