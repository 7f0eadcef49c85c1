import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite, type Site } from '../../demo/site';
import { launchBrowser, record, SCREENSHOTS } from './embed-browser';
import { inspect } from './hostile-inspect';
import { HOSTILE, IDS, startHostileUpstream } from './hostile-server';

const ROOT = join(import.meta.dirname, '../..');

/**
 * The React components (the demo dashboard: VideoList with selectable links, VideoTracker,
 * MetricSummary, SnapshotChart, SnapshotTable, UsageMeter, served by Vite) against the fake API
 * whose every string is hostile, through the demo's real proxy. The dashboard has no CSP.
 */
describe('hostile strings from the API render as inert text in the React components (Chromium)', () => {
  let upstream: Awaited<ReturnType<typeof startHostileUpstream>>;
  let site: Site;
  let origin: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  // what the first test measured, for the layout test after it
  let escapes: string[] | null = null;

  beforeAll(async () => {
    upstream = await startHostileUpstream();
    site = await createSite({
      root: ROOT,
      apiKey: 'cs_live_HOSTILE_REACT_key_0000',
      upstream: upstream.url,
      tokenSecret: 'hostile-react-token-secret-0123456789-abcdef',
      mode: 'real',
      speed: null,
      localApiUrl: null,
      poorKey: null,
      marketingIds: [IDS.markup],
      embed: Promise.resolve({
        file: join(ROOT, 'dist/embed.js'),
        ready: Promise.resolve(true),
        cancel() {},
      }),
      verbose: false,
      log: () => {},
    });
    await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await upstream?.close();
  });

  it('no script runs, no element injected, no javascript: URL; the strings show as text', async () => {
    const r = await browser.open('about:blank', { width: 1200, height: 900 });
    const dialogs: string[] = [];
    r.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await r.page.goto(`${origin}/`);
    const { page } = r;
    // first load: Vite transforms the dashboard on demand
    await page.locator('[data-cs-component] [data-part="item"]').nth(4).waitFor({ timeout: 60_000 });
    // the compare chart refuses the list's markup id by name (as text)
    await page.getByText('is not a valid video id').waitFor();
    await page.locator('[data-cs-component][data-state="ready"]').first().waitFor();
    await page.locator('[data-part="row"]').first().waitFor();
    await page.locator('[data-part="balance"]').first().waitFor();
    // choose the video whose handle is markup: its chart, summary and table draw
    await page.locator('[data-part="item"]').nth(2).locator('button').first().click();
    await page.locator('[data-part="row"]').first().waitFor();
    // and a track whose answer is hostile
    const tracker = page
      .locator('[data-cs-component]')
      .filter({ has: page.getByText('Track a video') })
      .first();
    await tracker
      .locator('[data-part="link-input"]')
      .fill('https://www.tiktok.com/@a/video/7400000000000000009');
    await tracker.locator('[data-part="submit"]').click();
    await tracker.locator('[data-part="result"]').filter({ hasText: /\S/ }).waitFor();

    const seen = await inspect(page, '[data-cs-component]');
    escapes = seen.escapes;
    await page.screenshot({ path: join(SCREENSHOTS, 'hostile-react.png') });
    expect(seen.flag).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(seen.images).toBe(0);
    expect(seen.handlers).toEqual([]);
    expect(seen.javascriptUrls).toEqual([]);
    expect(seen.javascriptHrefs).toBe(0);
    expect(seen.injectedStyles).toBe(0);
    for (const hostile of [HOSTILE.img, HOSTILE.script, HOSTILE.svg.slice(0, 20)])
      expect(seen.text).toContain(hostile);
    // every script is Vite's or the dashboard's own module (none came from data)
    const sources = await page.evaluate(() =>
      [...document.querySelectorAll('script')].map((s) => s.src || s.textContent?.slice(0, 40) || ''),
    );
    expect(sources.filter((s) => s.includes('__pwned'))).toEqual([]);
    const { errors } = await record(page);
    expect(errors).toEqual([]);
    expect(r.pageErrors).toEqual([]);
    await page.close();
  });

  // regression: VideoList's platform filter, status badge and platform name grew with an unbreakable
  // 10,000-character platform or status from the API and left the card
  it('10,000-character strings stay inside their component', () => {
    expect(escapes).not.toBeNull();
    expect(escapes).toEqual([]);
  });
});
