import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockChaosOptions } from '../../src/mock/types';
import { launchBrowser, type Recorder, record } from './embed-browser';
import { type EmbedServer, startEmbedServer } from './embed-server';

// The built embed on a plain page while the local API behind the proxy fails on purpose (its chaos
// controls, limited to video reads): each fault shows its own state inside the element and fires
// contentstats:error, nothing escapes into the page as an uncaught error or an unhandled rejection,
// and once the API is well again the element comes back by itself, without a reload or a click.

const VIDEO = (id: string) => `/api/contentstats/api/v1/videos/${id}`;
const CONFIG = '<contentstats-config proxy-url="/api/contentstats" token-url="/token"></contentstats-config>';
/** Faults touch video reads only: the token endpoint and everything else stay well. */
const READS = 'GET /api/v1/videos/';
/** The proxy gives up on a silent API after this long (10 s by default) and answers 504. */
const PROXY_TIMEOUT_MS = 1_000;
/** The browser's own line for every non-2xx answer: the only console error a failing API may cause. */
const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (429|5\d\d)\b/;

type ErrorEvent = { type: string; id: string; detail: Record<string, unknown> };

describe('dist/embed.js in Chromium while the API behind the proxy fails (chaos)', () => {
  let server: EmbedServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const visited: Recorder[] = [];
  let seeds = 0;
  // the local API's chaos log and counts run for the whole file: each test reads its own part
  let logFrom = 0;
  let stallsFrom = 0;
  const logged = () => server.mock.chaos.log.slice(logFrom);
  const stalls = () => server.mock.chaos.counts().stall - stallsFrom;

  beforeAll(async () => {
    // 900×: a new snapshot every 4 real seconds
    server = await startEmbedServer({ speed: 900, proxy: { timeoutMs: PROXY_TIMEOUT_MS }, direct: true });
    browser = await launchBrowser();
    // the page's timers run on a clock the test can move forward: the element's backed-off retry
    // after a failure is a minute away, a 429's reset 90 s; the time flows on by itself meanwhile
    await browser.context.clock.install();
  });
  afterEach(async () => {
    server.mock.chaos.clear();
    for (const r of visited.splice(0)) {
      const page = await record(r.page);
      await r.settled();
      // nothing thrown into the page, no unhandled rejection (the init script listens for both)
      expect(page.errors).toEqual([]);
      expect(r.pageErrors).toEqual([]);
      expect(r.consoleErrors.filter((m) => !FAILED_RESOURCE.test(m))).toEqual([]);
      await r.page.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page with one summary of a fresh video, the API failing as `chaos` says from the start. */
  async function open(chaos: MockChaosOptions, once?: 'burst429'): Promise<{ r: Recorder; id: string }> {
    const id = await server.seedVideo(++seeds);
    logFrom = server.mock.chaos.log.length;
    stallsFrom = server.mock.chaos.counts().stall;
    server.mock.chaos.set({ match: READS, ...chaos });
    if (once) server.mock.chaos.once(once);
    const url = server.page(`chaos-${seeds}`, {
      body: `${CONFIG}<contentstats-summary id="s" video-id="${id}"></contentstats-summary>`,
    });
    const r = await browser.open(url);
    visited.push(r);
    return { r, id };
  }

  const errorEvents = async (page: Page): Promise<ErrorEvent[]> =>
    (await record(page)).events.filter((e) => e.type === 'contentstats:error');

  /** The API is well again: no click, no reload; the page's clock moves past the element's retry. */
  async function recover(page: Page, id: string): Promise<void> {
    server.mock.chaos.clear();
    const loads = (await record(page)).events.filter((e) => e.type === 'contentstats:load').length;
    await browser.context.clock.fastForward('02:05');
    await page.locator('#s [data-cs-component][data-state="ready"]').waitFor();
    expect(await page.locator('#s [data-part="error"]').count()).toBe(0);
    // and the page hears of it
    const after = (await record(page)).events.filter((e) => e.type === 'contentstats:load');
    expect(after.length).toBe(loads + 1);
    expect(after.at(-1)?.detail).toMatchObject({ state: 'ready', videoIds: [id] });
  }

  it('503s from the API: the service error shows, contentstats:error fires, and the element recovers by itself', async () => {
    const { r, id } = await open({ error: 1, errorStatuses: [503] });
    const error = r.page.locator('#s [data-part="error"]');
    await error.waitFor();
    expect(await error.getAttribute('data-error-code')).toBe('server');
    expect(await r.page.locator('#s [data-part="error-title"]').textContent()).toBe('Something went wrong');
    const events = await errorEvents(r.page);
    expect(events.map((e) => e.detail)).toEqual([
      expect.objectContaining({
        element: 'contentstats-summary',
        code: 'server',
        source: 'api',
        videoIds: [id],
      }),
    ]);
    // the first attempt and the client's two retries, all refused
    expect(logged().map((x) => x.status)).toEqual([503, 503, 503]);
    // then it backs off: half a minute later it has not asked again
    await browser.context.clock.fastForward(30_000);
    await r.page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    expect(logged()).toHaveLength(3);
    await recover(r.page, id);
  });

  it('500s from the API show the same service error', async () => {
    const { r, id } = await open({ error: 1, errorStatuses: [500] });
    await r.page.locator('#s [data-part="error"][data-error-code="server"]').waitFor();
    expect((await errorEvents(r.page)).map((e) => e.detail.code)).toEqual(['server']);
    await recover(r.page, id);
  });

  it('a stalled API: the proxy gives up and answers 504, the element says so, and recovers by itself', async () => {
    const { r, id } = await open({ stall: 1 });
    const error = r.page.locator('#s [data-part="error"]');
    await error.waitFor();
    expect(await error.getAttribute('data-error-code')).toBe('server');
    expect(await r.page.locator('#s [data-part="error-message"]').textContent()).toContain('Try again');
    // the first attempt and the client's two retries each stalled until the proxy gave up
    expect(stalls()).toBe(3);
    const events = await errorEvents(r.page);
    expect(events.map((e) => [e.detail.code, e.detail.source])).toEqual([['server', 'api']]);
    await recover(r.page, id);
  });

  it('an outage after the data loaded: the element keeps its data, and brings the next snapshot once the API is back', async () => {
    const { r, id } = await open({});
    await r.page.locator('#s [data-cs-component][data-state="ready"]').waitFor();
    /** Bodies of the video's successful answers so far (read once every response has been). */
    const ok = async () => {
      await r.settled();
      return r.responses
        .filter((x) => new URL(x.url).pathname === VIDEO(id) && x.status === 200)
        .map((x) => x.body);
    };
    const before = await ok();
    expect(before).toHaveLength(1);
    server.mock.chaos.set({ match: READS, error: 1, errorStatuses: [503] });
    // the poll at the next snapshot (4 real seconds at 900×) and the client's two retries are refused
    await expect.poll(() => logged().length, { timeout: 20_000, interval: 100 }).toBe(3);
    expect(logged().map((x) => x.status)).toEqual([503, 503, 503]);
    // what is on screen stays: no error state, no event
    await r.page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    expect(await r.page.locator('#s [data-part="error"]').count()).toBe(0);
    expect(await r.page.locator('#s [data-cs-component]').getAttribute('data-state')).toBe('ready');
    expect(await errorEvents(r.page)).toEqual([]);

    server.mock.chaos.clear();
    await browser.context.clock.fastForward('01:05');
    await expect.poll(async () => (await ok()).length, { timeout: 20_000, interval: 100 }).toBe(2);
    const snapshots = (body: string | undefined) =>
      (JSON.parse(body ?? '{}') as { snapshots?: unknown[] }).snapshots?.length ?? 0;
    expect(snapshots((await ok())[1])).toBeGreaterThan(snapshots(before[0]));
    expect(await errorEvents(r.page)).toEqual([]);
  });

  it('a burst of 429s whose reset is too far to wait for: a live countdown, then the element recovers by itself', async () => {
    const { r, id } = await open({ burstLength: 1, retryAfterSeconds: 90 }, 'burst429');
    const error = r.page.locator('#s [data-part="error"]');
    await error.waitFor();
    expect(await error.getAttribute('data-error-code')).toBe('rate_limited');
    expect(await r.page.locator('#s [data-part="error-title"]').textContent()).toBe('Too many requests');
    const message = r.page.locator('#s [data-part="error-message"]');
    const seconds = async () =>
      Number(/try again in (\d+) seconds/i.exec((await message.textContent()) ?? '')?.[1]);
    const first = await seconds();
    // more than the client waits for by itself (a minute), so it shows instead of retrying
    expect(first).toBeGreaterThan(70);
    expect(first).toBeLessThanOrEqual(90);
    // no Retry while waiting
    expect(await r.page.locator('#s [data-part="retry"]').count()).toBe(0);
    // the countdown counts down (the clock moved on by 10 s)
    await browser.context.clock.fastForward(10_000);
    await expect.poll(seconds).toBeLessThanOrEqual(first - 10);
    expect((await errorEvents(r.page)).map((e) => e.detail.code)).toEqual(['rate_limited']);
    // the API would answer now, but the reset has not passed: past the usual minute of backoff, the
    // element still waits for it, and asks nothing
    server.mock.chaos.clear();
    const asked = r.count(VIDEO(id));
    await browser.context.clock.fastForward(65_000);
    await r.page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    expect(r.count(VIDEO(id))).toBe(asked);
    await expect.poll(seconds).toBeLessThanOrEqual(first - 75);
    await recover(r.page, id);
  });
});
