import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { darkTokens, lightTokens } from '../../src/theme/tokens';
import { launchBrowser, type Recorder, record, SCREENSHOTS } from './embed-browser';
import { API_KEY, type EmbedServer, startEmbedServer, tenElements } from './embed-server';

const VIDEO = (id: string) => `/api/contentstats/api/v1/videos/${id}`;
const CONFIG = '<contentstats-config proxy-url="/api/contentstats" token-url="/token"></contentstats-config>';

/** Waits until `check` holds in the page (no sleeps: polls the state). */
async function until(page: Page, check: () => boolean, timeout = 20_000): Promise<void> {
  await page.waitForFunction(check, undefined, { timeout, polling: 100 });
}

/** A computed style of the first element matching `selector` inside `host`'s shadow root. */
function shadowStyle(page: Page, host: string, selector: string, property: string): Promise<string> {
  return page.evaluate(
    ([h, s, p]) => {
      const element = document.querySelector(h as string)?.shadowRoot?.querySelector(s as string);
      return element
        ? getComputedStyle(element)
            .getPropertyValue(p as string)
            .trim()
        : 'missing';
    },
    [host, selector, property],
  );
}

describe('dist/embed.js on plain pages in Chromium (strict CSP unless a test says otherwise)', () => {
  let server: EmbedServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const visited: Recorder[] = [];
  // console errors a test expects (the browser logs every 401 response)
  let expectedConsole: RegExp | null = null;
  let seeds = 0;
  const seed = () => server.seedVideo(++seeds);

  beforeAll(async () => {
    // 900×: a new snapshot every 4 real seconds
    server = await startEmbedServer({ speed: 900 });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const r of visited.splice(0)) {
      const page = await record(r.page);
      await r.settled();
      // nothing the browser sent or received carries the API key
      expect(JSON.stringify([r.requests, r.responses])).not.toContain(API_KEY);
      expect(page.csp).toEqual([]);
      expect(page.errors).toEqual([]);
      expect(page.storage).toEqual([]);
      expect(r.pageErrors).toEqual([]);
      const pattern = expectedConsole;
      expect(r.consoleErrors.filter((m) => !pattern?.test(m))).toEqual([]);
      await r.page.close();
    }
    expectedConsole = null;
  });
  afterAll(async () => {
    // ...while every call the proxy made upstream carried it
    if (server) expect(server.upstream.calls.every((c) => c.headers['x-api-key'] === API_KEY)).toBe(true);
    await browser?.close();
    await server?.close();
  });

  async function visit(url: string, viewport?: { width: number; height: number }): Promise<Recorder> {
    const r = await browser.open(url, viewport);
    visited.push(r);
    return r;
  }

  it('renders every element with real data through the proxy, inside its shadow root, and fires contentstats:load', async () => {
    const a = await seed();
    const url = server.page('all', {
      body: `
<contentstats-config proxy-url="/api/contentstats" token-url="/token?videos=${a}"></contentstats-config>
<h1>Landing page</h1>
<contentstats-chart id="chart" video-id="${a}"></contentstats-chart>
<contentstats-summary id="summary" video-id="${a}"></contentstats-summary>
<contentstats-table id="table" video-id="${a}"></contentstats-table>
<contentstats-tracker id="tracker" token-url="/token?scope=track,usage"></contentstats-tracker>`,
    });
    const r = await visit(url, { width: 1100, height: 3000 });
    const { page } = r;
    await page.locator('#chart [data-part="lines"] path').first().waitFor();
    await page.locator('#summary [data-state="ready"]').waitFor();
    await page.locator('#table [data-part="row"]').first().waitFor();
    await page.locator('#tracker [data-part="link-input"]').waitFor();

    const dom = await page.evaluate(() => ({
      inPage: document.querySelectorAll('[data-part]').length,
      shadowParts: ['chart', 'summary', 'table', 'tracker'].map(
        (id) => document.getElementById(id)?.shadowRoot?.querySelectorAll('[part]').length ?? 0,
      ),
    }));
    expect(dom.inPage).toBe(0);
    for (const n of dom.shadowParts) expect(n).toBeGreaterThan(0);
    expect(await page.locator('#chart [data-part="legend"] button').count()).toBe(3);
    expect(await page.locator('#summary [data-part="card"]').count()).toBe(3);

    await until(page, () => (window as unknown as { __cs: { events: unknown[] } }).__cs.events.length >= 4);
    const { events } = await record(page);
    const loads = events.filter((e) => e.type === 'contentstats:load');
    expect(loads.map((e) => e.id).sort()).toEqual(['chart', 'summary', 'table', 'tracker']);
    expect(loads.find((e) => e.id === 'chart')?.detail).toEqual({
      element: 'contentstats-chart',
      state: 'ready',
      videoIds: [a],
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'all-elements.png'), fullPage: true });
  });

  it('usage meter, and a video list that is read-only unless the token allows stop', async () => {
    const a = await seed();
    const url = server.page('usage-videos', {
      body: `
<contentstats-config proxy-url="/api/contentstats"></contentstats-config>
<contentstats-usage id="usage" token-url="/token?scope=usage" low-balance="5"></contentstats-usage>
<contentstats-videos id="read" token-url="/token?videos=${a}"></contentstats-videos>
<contentstats-videos id="stop" token-url="/token?scope=read,stop&videos=${a}"></contentstats-videos>`,
    });
    const r = await visit(url, { width: 1100, height: 2000 });
    const { page } = r;
    await page.locator('#usage [data-part="balance"]').waitFor();
    expect(await page.locator('#usage [data-part="balance"]').textContent()).toMatch(/\$\d/);
    await page.locator('#read [data-part="item"]').first().waitFor();
    await page.locator('#stop [data-part="stop"]').first().waitFor();
    // a token limited to one video lists only that one
    expect(await page.locator('#read [data-part="item"]').count()).toBe(1);
    expect(await page.locator('#read [data-part="stop"]').count()).toBe(0);
    expect(await page.locator('#read [data-part="link"]').first().textContent()).toContain('@embed');
    await page.screenshot({ path: join(SCREENSHOTS, 'usage-videos.png'), fullPage: true });
  });

  it('ten elements over three videos share one client and cache: one request per video per new snapshot', async () => {
    const [a, b, c] = [await seed(), await seed(), await seed()];
    const url = server.page('ten', {
      body: `${CONFIG}
${tenElements([a, b, c])}`,
    });
    const upstreamBefore = server.upstream.calls.length;
    const r = await visit(url, { width: 1100, height: 9000 });
    await until(
      r.page,
      () =>
        document.querySelectorAll('contentstats-chart, contentstats-summary, contentstats-table').length ===
        10,
    );
    await r.page.locator('[data-cs-component][data-state="ready"]').nth(9).waitFor();
    // wait until a new snapshot has been fetched for each video
    const videos = [a, b, c];
    await expect
      .poll(() => Math.min(...videos.map((v) => r.count(VIDEO(v)))), { timeout: 20_000, interval: 100 })
      .toBeGreaterThanOrEqual(2);
    for (const v of videos) {
      // ten elements without a shared cache would ask several times at once; one cache asks once per snapshot
      const times = r.times(VIDEO(v));
      const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
      expect(Math.min(...gaps), `gaps between requests for ${v}: ${gaps.join(', ')} ms`).toBeGreaterThan(
        1_500,
      );
    }
    // one token for the page
    expect(r.count('/token')).toBe(1);
    // and the proxy asked the API no more often than the page asked the proxy
    const upstream = server.upstream.calls.slice(upstreamBefore);
    for (const v of videos) {
      expect(upstream.filter((call) => call.url === `/api/v1/videos/${v}`).length).toBeLessThanOrEqual(
        r.count(VIDEO(v)),
      );
    }
    await r.page.screenshot({ path: join(SCREENSHOTS, 'ten-elements.png') });
  });

  it('re-renders on attribute changes', async () => {
    const [a, b] = [await seed(), await seed()];
    const url = server.page('attributes', {
      body: `${CONFIG}<contentstats-chart id="chart" video-id="${a}" metrics="views"></contentstats-chart>`,
    });
    const r = await visit(url);
    const { page } = r;
    const legend = page.locator('#chart [data-part="legend"] button');
    await expect.poll(() => legend.count()).toBe(1);
    await page.evaluate(() => document.getElementById('chart')?.setAttribute('metrics', 'views,likes'));
    await expect.poll(() => legend.count()).toBe(2);
    await page.evaluate((id) => document.getElementById('chart')?.setAttribute('video-id', id), b);
    await expect.poll(() => r.count(VIDEO(b))).toBe(1);
    await page.evaluate(() => document.getElementById('chart')?.setAttribute('mode', 'per-hour'));
    await page.locator('#chart [data-cs-component][data-state="ready"]').waitFor();
    // a wrong value shows why inside the element and fires contentstats:error
    await page.evaluate(() => document.getElementById('chart')?.setAttribute('scale', 'cubic'));
    await page.locator('#chart [data-part="message"]').waitFor();
    expect(await page.locator('#chart [data-part="message"]').textContent()).toContain('scale="cubic"');
    const { events } = await record(page);
    expect(events.filter((e) => e.type === 'contentstats:error').map((e) => e.detail)).toEqual([
      expect.objectContaining({ code: 'invalid_config', source: 'config', element: 'contentstats-chart' }),
    ]);
    await page.evaluate(() => document.getElementById('chart')?.setAttribute('scale', 'log'));
    await page.locator('#chart [data-part="plot"]').waitFor();
  });

  it('removing an element releases its observers: no more requests for its video', async () => {
    const [gone, kept] = [await seed(), await seed()];
    const url = server.page('remove', {
      body: `${CONFIG}
<contentstats-summary id="gone" video-id="${gone}"></contentstats-summary>
<contentstats-summary id="kept" video-id="${kept}"></contentstats-summary>`,
    });
    const r = await visit(url);
    await r.page.locator('#gone [data-state="ready"]').waitFor();
    await r.page.locator('#kept [data-state="ready"]').waitFor();
    await r.page.evaluate(() => document.getElementById('gone')?.remove());
    const before = r.count(VIDEO(gone));
    const keptBefore = r.count(VIDEO(kept));
    // two snapshots later (the kept element fetched twice more), the removed one has not asked again
    await expect
      .poll(() => r.count(VIDEO(kept)), { timeout: 20_000, interval: 100 })
      .toBeGreaterThanOrEqual(keptBefore + 2);
    expect(r.count(VIDEO(gone))).toBe(before);
    expect(await r.page.evaluate(() => document.querySelectorAll('contentstats-summary').length)).toBe(1);
  });

  it('renders only when near the viewport', async () => {
    const [near, far] = [await seed(), await seed()];
    const url = server.page('lazy', {
      body: `${CONFIG}
<contentstats-summary id="near" video-id="${near}"></contentstats-summary>
<div class="spacer"></div>
<contentstats-summary id="far" video-id="${far}"></contentstats-summary>`,
      css: '.spacer { height: 5000px; }',
    });
    const r = await visit(url);
    await r.page.locator('#near [data-state="ready"]').waitFor();
    expect(r.count(VIDEO(far))).toBe(0);
    await r.page.evaluate(() => document.getElementById('far')?.scrollIntoView());
    await r.page.locator('#far [data-state="ready"]').waitFor();
    expect(r.count(VIDEO(far))).toBe(1);
  });

  it('loads with async at the end of the page, configured by data-* on the script tag; theme auto follows the viewer; locale', async () => {
    const a = await seed();
    const url = server.page('async', {
      body: `<contentstats-summary id="s" video-id="${a}"></contentstats-summary>
<contentstats-summary id="auto" video-id="${a}" theme="auto" locale="de-DE"></contentstats-summary>`,
      embedScript: 'async data-proxy-url="/api/contentstats" data-token-url="/token" data-theme="dark"',
      embedAt: 'end',
    });
    const r = await visit(url, { width: 1100, height: 1200 });
    const { page } = r;
    await page.locator('#s [data-state="ready"]').waitFor();
    await page.locator('#auto [data-state="ready"]').waitFor();
    const rgb = (hex: string) =>
      page.evaluate((color) => {
        const probe = document.createElement('i');
        probe.style.setProperty('color', color);
        document.documentElement.append(probe);
        const value = getComputedStyle(probe).color;
        probe.remove();
        return value;
      }, hex);
    const surface = () => shadowStyle(page, '#auto', '[data-part="base"]', 'background-color');
    expect(await shadowStyle(page, '#s', '[data-part="base"]', 'background-color')).toBe(
      await rgb(darkTokens.color.surface),
    );
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await surface()).toBe(await rgb(lightTokens.color.surface));
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await surface()).toBe(await rgb(darkTokens.color.surface));
    // German decimals in the engagement rate
    expect(await page.locator('#auto [data-kpi="engagement"]').textContent()).toMatch(/\d,\d+\s?%/);
  });

  it('a bad token shows an error inside the element and fires contentstats:error; the page keeps running', async () => {
    expectedConsole = /status of 401/;
    const a = await seed();
    const url = server.page('bad-token', {
      body: `
<contentstats-chart id="chart" proxy-url="/api/contentstats" token-url="/token-broken" video-id="${a}"></contentstats-chart>
<contentstats-tracker id="tracker" proxy-url="/api/contentstats" token-url="/token"></contentstats-tracker>
<p id="after">waiting</p>`,
      script: `document.getElementById('after').textContent = 'page script ran';`,
    });
    const r = await visit(url);
    const { page } = r;
    await page.locator('#chart [data-part="error"]').waitFor();
    expect(await page.locator('#chart [data-part="error"]').getAttribute('data-error-code')).toBe(
      'unauthorized',
    );
    // the tracker refuses a read-only token before any write is attempted
    await page.locator('#tracker [data-part="message"]').waitFor();
    expect(await page.locator('#tracker [data-part="message"]').textContent()).toContain(
      'does not allow "track"',
    );
    expect(await page.locator('#after').textContent()).toBe('page script ran');
    await until(page, () => (window as unknown as { __cs: { events: unknown[] } }).__cs.events.length >= 2);
    const errors = (await record(page)).events.filter((e) => e.type === 'contentstats:error');
    expect(errors.map((e) => [e.id, e.detail.code, e.detail.source]).sort()).toEqual([
      ['chart', 'unauthorized', 'api'],
      ['tracker', 'forbidden', 'scope'],
    ]);
    expect(errors.find((e) => e.id === 'chart')?.detail.videoIds).toEqual([a]);
    expect(server.upstream.calls.some((call) => call.url === `/api/v1/videos/${a}`)).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'bad-token.png'), fullPage: true });
  });

  it('the tracker starts a tracking with a track-scoped token and fires contentstats:tracked', async () => {
    const url = server.page('tracker', {
      body: '<contentstats-tracker id="tracker" proxy-url="/api/contentstats" token-url="/token?scope=track,usage"></contentstats-tracker>',
    });
    const r = await visit(url);
    const { page } = r;
    await page
      .locator('#tracker [data-part="link-input"]')
      .fill('https://www.tiktok.com/@embed/video/7399999999999999999');
    await page.locator('#tracker [data-part="submit"]').click();
    await until(page, () =>
      (window as unknown as { __cs: { events: Array<{ type: string }> } }).__cs.events.some(
        (e) => e.type === 'contentstats:tracked',
      ),
    );
    const tracked = (await record(page)).events.find((e) => e.type === 'contentstats:tracked');
    expect(tracked?.detail).toMatchObject({
      element: 'contentstats-tracker',
      video: { video_link: 'https://www.tiktok.com/@embed/video/7399999999999999999', status: 'monitoring' },
    });
    expect(server.upstream.count('POST /api/v1/videos/track')).toBe(1);
    await page
      .locator('#tracker [data-part="result"]')
      .screenshot({ path: join(SCREENSHOTS, 'tracker-result.png') });
  });

  it('a hostile page stylesheet does not break the elements, and the page themes them through --cs-* and ::part()', async () => {
    const a = await seed();
    const url = server.page('hostile', {
      body: `${CONFIG}
<contentstats-chart id="plain" video-id="${a}"></contentstats-chart>
<contentstats-table id="themed" video-id="${a}"></contentstats-table>`,
      css: `
* { all: unset !important; }
div { display: none !important; }
body { font-family: serif; color: rgb(255, 0, 0); }
#themed { --cs-color-surface: rgb(1, 2, 3); --cs-color-surface-raised: rgb(40, 40, 60); --cs-color-text: rgb(250, 250, 250); }
#themed::part(base) { border-color: rgb(4, 5, 6); }
#themed::part(row) { font-style: italic; }`,
    });
    const r = await visit(url, { width: 1100, height: 2000 });
    const { page } = r;
    await page.locator('#plain [data-part="lines"] path').first().waitFor();
    await page.locator('#themed [data-part="row"]').first().waitFor();
    const plot = await page.locator('#plain [data-part="plot"]').boundingBox();
    expect(plot?.height).toBeGreaterThan(100);
    expect(await shadowStyle(page, '#plain', '[data-part="base"]', 'font-family')).toContain('system-ui');
    expect(await shadowStyle(page, '#plain', '[data-part="base"]', 'color')).not.toBe('rgb(255, 0, 0)');
    expect(await shadowStyle(page, '#plain', '[data-part="base"]', 'display')).not.toBe('none');
    // the page's custom properties and part rules reach in
    expect(await shadowStyle(page, '#themed', '[data-part="base"]', 'background-color')).toBe('rgb(1, 2, 3)');
    expect(await shadowStyle(page, '#themed', '[data-part="base"]', 'color')).toBe('rgb(250, 250, 250)');
    expect(await shadowStyle(page, '#themed', '[data-part="base"]', 'border-top-color')).toBe('rgb(4, 5, 6)');
    expect(await shadowStyle(page, '#themed', '[data-part="row"]', 'font-style')).toBe('italic');
    // ours does not leak out: the page's own text keeps the page's font
    await page.screenshot({ path: join(SCREENSHOTS, 'hostile-page.png'), fullPage: true });
  });

  it('takes theme overrides as a property, set with CSSOM (no style attribute a CSP would block)', async () => {
    const a = await seed();
    const url = server.page('theme-property', {
      body: `${CONFIG}<contentstats-summary id="s" video-id="${a}" theme="light"></contentstats-summary>`,
    });
    const r = await visit(url);
    const { page } = r;
    await page.locator('#s [data-state="ready"]').waitFor();
    await page.evaluate(() => {
      const element = document.getElementById('s') as HTMLElement & { theme: unknown };
      element.theme = { base: 'dark', color: { accent: 'rgb(124, 58, 237)', surface: 'rgb(10, 20, 30)' } };
    });
    await expect
      .poll(() => shadowStyle(page, '#s', '[data-part="base"]', 'background-color'))
      .toBe('rgb(10, 20, 30)');
    expect(await shadowStyle(page, '#s', '[data-part="base"]', '--cs-color-accent')).toBe(
      'rgb(124, 58, 237)',
    );
    await page.locator('#s').screenshot({ path: join(SCREENSHOTS, 'theme-property.png') });
  });

  it('contentstats-kit/embed (dist/embed.mjs) registers nothing until defineElements(), then the same elements', async () => {
    const a = await seed();
    const url = server.page('module', {
      body: `<contentstats-summary id="s" video-id="${a}"></contentstats-summary><p id="before"></p>`,
      embedAt: 'none',
      scriptModule: true,
      script: `import { defineElements } from '/embed.mjs';
document.getElementById('before').textContent = String(customElements.get('contentstats-summary') === undefined);
defineElements({ proxyUrl: '/api/contentstats', tokenUrl: '/token' });`,
    });
    const r = await visit(url);
    await r.page.locator('#s [data-state="ready"]').waitFor();
    expect(await r.page.locator('#before').textContent()).toBe('true');
  });

  it('custom-elements.json describes every registered element and its attributes', async () => {
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../custom-elements.json'), 'utf8'),
    ) as {
      modules: Array<{ declarations: Array<{ tagName: string; attributes: Array<{ name: string }> }> }>;
    };
    const documented = Object.fromEntries(
      manifest.modules.map((m) => {
        const d = m.declarations[0] as { tagName: string; attributes: Array<{ name: string }> };
        return [d.tagName, d.attributes.map((x) => x.name).sort()];
      }),
    );
    const r = await visit(server.page('manifest', { body: '' }));
    await until(r.page, () => customElements.get('contentstats-chart') !== undefined);
    const live = await r.page.evaluate((tags) => {
      return Object.fromEntries(
        tags.map((tag) => {
          const element = customElements.get(tag) as unknown as { observedAttributes?: string[] } | undefined;
          return [tag, [...(element?.observedAttributes ?? ['<not defined>'])].sort()];
        }),
      );
    }, Object.keys(documented));
    expect(live).toEqual(documented);
    expect(Object.keys(documented).sort()).toEqual([
      'contentstats-chart',
      'contentstats-config',
      'contentstats-summary',
      'contentstats-table',
      'contentstats-tracker',
      'contentstats-usage',
      'contentstats-videos',
    ]);
  });

  it('takes labels as a property, and keeps a failure while drawing inside the element', async () => {
    const a = await seed();
    const url = server.page('labels', {
      body: `${CONFIG}<contentstats-summary id="s" video-id="${a}"></contentstats-summary><p id="after">page</p>`,
    });
    const r = await visit(url);
    const { page } = r;
    await page.locator('#s [data-state="ready"]').waitFor();
    await page.evaluate(() => {
      (document.getElementById('s') as HTMLElement & { labels: unknown }).labels = { summaryTitle: 'So far' };
    });
    await expect.poll(() => page.locator('#s h2, #s h3').first().textContent()).toBe('So far');
    // a label function that throws breaks the drawing: the element says so and fires contentstats:error
    await page.evaluate(() => {
      (document.getElementById('s') as HTMLElement & { labels: unknown }).labels = {
        latestTotal: () => {
          throw new Error('label exploded');
        },
      };
    });
    await page.locator('#s [data-part="message"]').waitFor();
    expect(await page.locator('#s [data-part="message"]').textContent()).toContain('label exploded');
    const errors = (await record(page)).events.filter((e) => e.type === 'contentstats:error');
    expect(errors.map((e) => [e.detail.code, e.detail.source])).toEqual([['render', 'render']]);
    // the rest of the page is untouched, and new labels draw again
    expect(await page.locator('#after').textContent()).toBe('page');
    await page.evaluate(() => {
      (document.getElementById('s') as HTMLElement & { labels: unknown }).labels = undefined;
    });
    await page.locator('#s [data-state="ready"]').waitFor();
  });

  it('downloads the chart as SVG and PNG from inside the shadow root under the strict CSP', async () => {
    const a = await seed();
    const r = await visit(
      server.page('download', {
        body: `${CONFIG}<contentstats-chart id="chart" video-id="${a}"></contentstats-chart>`,
      }),
    );
    const { page } = r;
    await page.locator('#chart [data-part="lines"] path').first().waitFor();
    for (const [part, extension] of [
      ['download-svg', '.svg'],
      ['download-png', '.png'],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.locator(`#chart [data-part="${part}"]`).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
      await file.saveAs(join(SCREENSHOTS, `chart-download${extension}`));
    }
  });
});

describe('dist/embed.mjs on a server', () => {
  it('imports without a DOM (server rendering) and defineElements() does nothing there', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(join(import.meta.dirname, '../../dist/embed.mjs'))});
m.defineElements({ proxyUrl: '/api/contentstats' });
console.log(JSON.stringify(Object.keys(m).sort()));`,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual([
      'ContentStatsChartElement',
      'ContentStatsConfigElement',
      'ContentStatsElement',
      'ContentStatsSummaryElement',
      'ContentStatsTableElement',
      'ContentStatsTrackerElement',
      'ContentStatsUsageElement',
      'ContentStatsVideosElement',
      'defineElements',
    ]);
  });
});
