import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';

/** Where screenshots go (look at them: a test passing on a blank element is no proof). */
export const SCREENSHOTS = join(import.meta.dirname, '../../test-results/embed');

/** What a page recorded: our events, CSP violations, uncaught errors, console errors and all traffic. */
export interface Recorder {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request the page made: method, URL, headers and body. */
  requests: Array<{
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
    time: number;
  }>;
  /** Every response the page saw: status, URL, headers and body. */
  responses: Array<{ status: number; url: string; headers: Record<string, string>; body: string }>;
  /** Requests whose path matches, e.g. `/api/contentstats/api/v1/videos/abc`. */
  count(path: string | RegExp): number;
  /** Times (ms) of the requests whose path matches. */
  times(path: string): number[];
  /** Waits until every response so far has been read (bodies are read asynchronously). */
  settled(): Promise<void>;
}

// installed before any page script (CDP, not subject to the page's CSP)
const INIT = `
window.__cs = { events: [], csp: [], errors: [], storage: [] };
// a good guest never reads cookies or storage it does not own: count every access
{
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { window.__cs.storage.push('document.cookie'); return cookie.get.call(this); },
    set(value) { window.__cs.storage.push('document.cookie='); cookie.set.call(this, value); },
  });
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
    const descriptor = Object.getOwnPropertyDescriptor(window, name) ?? Object.getOwnPropertyDescriptor(Window.prototype, name);
    if (!descriptor?.get) continue;
    Object.defineProperty(window, name, {
      configurable: true,
      get() { window.__cs.storage.push(name); return descriptor.get.call(window); },
    });
  }
}
for (const type of ['contentstats:load', 'contentstats:error', 'contentstats:tracked']) {
  // bubbling phase on the document: proves the events bubble out of the element
  document.addEventListener(type, (event) => {
    window.__cs.events.push({ type, tag: event.target.localName, id: event.target.id, detail: JSON.parse(JSON.stringify(event.detail)) });
  });
}
document.addEventListener('securitypolicyviolation', (e) => window.__cs.csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
window.addEventListener('error', (e) => window.__cs.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__cs.errors.push('unhandled: ' + String(e.reason)));
`;

/** One Chromium with a fresh profile for a test file. */
export async function launchBrowser() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'cs-embed-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    headless: true,
    viewport: { width: 1100, height: 800 },
  });
  await context.addInitScript({ content: INIT });

  async function open(url: string, viewport?: { width: number; height: number }): Promise<Recorder> {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const requests: Recorder['requests'] = [];
    const responses: Recorder['responses'] = [];
    const reading: Promise<void>[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      requests.push({
        method: request.method(),
        url: request.url(),
        headers: request.headers(),
        body: request.postData() ?? '',
        time: Date.now(),
      });
    });
    page.on('response', (response) => {
      reading.push(
        response.text().then(
          (body) => {
            responses.push({
              status: response.status(),
              url: response.url(),
              headers: response.headers(),
              body,
            });
          },
          () => {
            responses.push({
              status: response.status(),
              url: response.url(),
              headers: response.headers(),
              body: '',
            });
          },
        ),
      );
    });
    await page.goto(url);
    return {
      page,
      consoleErrors,
      pageErrors,
      requests,
      responses,
      count(path) {
        return requests.filter((r) => {
          const p = new URL(r.url).pathname;
          return typeof path === 'string' ? p === path : path.test(p);
        }).length;
      },
      times(path) {
        return requests.filter((r) => new URL(r.url).pathname === path).map((r) => r.time);
      },
      async settled() {
        await Promise.all(reading);
      },
    };
  }

  return {
    context,
    open,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the init script recorded in the page. */
export interface PageRecord {
  events: Array<{ type: string; tag: string; id: string; detail: Record<string, unknown> }>;
  csp: string[];
  errors: string[];
  /** Reads of document.cookie, localStorage, sessionStorage or indexedDB. */
  storage: string[];
}

export function record(page: Page): Promise<PageRecord> {
  return page.evaluate(() => (window as unknown as { __cs: PageRecord }).__cs);
}
