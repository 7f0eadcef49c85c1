import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Recorder, record, SCREENSHOTS } from './embed-browser';
import { type Inspection, inspect } from './hostile-inspect';
import { ALL, FLAG, FORMULAS, HOSTILE, IDS, startHostileServer } from './hostile-server';

/** An inline page script that sets `value` as a string literal safely (no `</script>` in it). */
function literal(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

describe('hostile strings from the API and from the page render as inert text (dist/embed.js, Chromium, no CSP)', () => {
  let server: Awaited<ReturnType<typeof startHostileServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const visited: Recorder[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startHostileServer();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const r of visited.splice(0)) {
      const page = await record(r.page);
      expect(page.errors).toEqual([]);
      expect(r.pageErrors).toEqual([]);
      await r.page.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function visit(url: string): Promise<Recorder> {
    const r = await browser.open('about:blank', { width: 1000, height: 900 });
    visited.push(r);
    r.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await r.page.goto(url);
    return r;
  }

  /**
   * Every element, fed hostile answers through the real proxy, hostile attributes, labels and
   * theme values, and a track whose answer is hostile too; inspected once all have drawn.
   * `extraCss` goes into every shadow root (to try a style fix without rebuilding).
   */
  async function hostilePage(name: string, extraCss = ''): Promise<{ page: Page; seen: Inspection }> {
    const box = (id: string, element: string, attributes = '') =>
      `<div class="box"><${element} id="${id}" ${attributes}></${element}></div>`;
    const hosts = {
      videos: box('videos', 'contentstats-videos'),
      chart: box('chart', 'contentstats-chart', `video-id="${IDS.markup}"`),
      chartLong: box('chartLong', 'contentstats-chart', `video-id="${IDS.long}"`),
      summary: box('summary', 'contentstats-summary', `video-id="${IDS.long}"`),
      table: box('table', 'contentstats-table', `video-id="${IDS.markup}"`),
      denied: box('denied', 'contentstats-summary', `video-id="${IDS.denied}"`),
      usage: box('usage', 'contentstats-usage'),
      tracker: box('tracker', 'contentstats-tracker'),
      badId: box('badId', 'contentstats-summary'),
      badTheme: box('badTheme', 'contentstats-table', `video-id="${IDS.markup}"`),
      labelled: box('labelled', 'contentstats-summary', `video-id="${IDS.markup}"`),
    };
    const script = `
const H = ${literal(HOSTILE)};
const ALL = ${literal(ALL)};
document.getElementById('badId').setAttribute('video-id', H.svg);
document.getElementById('badTheme').setAttribute('theme', H.css);
const labelled = document.getElementById('labelled');
labelled.labels = { summaryTitle: ALL, retry: H.img, notAvailable: H.script };
labelled.theme = { base: 'light', color: { accent: H.css, surface: 'url(' + H.javascript + ')', text: H.long } };
document.getElementById('denied').labels = { errorTitleForbidden: H.img, errorTitle: H.svg };
document.getElementById('videos').labels = { videosTitle: H.long };`;
    const url = server.page(
      name,
      `<contentstats-config proxy-url="/api/contentstats" token-url="/token?scope=read,track,stop,usage"></contentstats-config>
${Object.values(hosts).join('\n')}
<p id="after">page text</p>`,
      script,
    );
    const r = await visit(url);
    const { page } = r;
    // elements render once near the viewport: bring each into view, then wait for its state
    const shown = async (id: string, selector: string) => {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id} ${selector}`).first().waitFor();
    };
    await shown('videos', '[data-part="item"] >> nth=4');
    await shown('chart', '[data-part="lines"] path');
    await shown('chartLong', '[data-part="lines"] path');
    await shown('summary', '[data-state="ready"]');
    await shown('table', '[data-part="row"]');
    await shown('denied', '[data-state="error"]');
    await shown('usage', '[data-part="balance"]');
    await shown('badId', '[data-part="message"]');
    await shown('badTheme', '[data-part="row"], [data-part="message"]');
    await shown('labelled', '[data-state="ready"]');
    // a track whose answer is hostile too
    await page
      .locator('#tracker [data-part="link-input"]')
      .fill('https://www.tiktok.com/@a/video/7400000000000000009');
    await page.locator('#tracker [data-part="submit"]').click();
    await page.locator('#tracker [data-part="result"]').filter({ hasText: /\S/ }).waitFor();

    if (extraCss) {
      // after drawing: the element sets its own sheets when it renders
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        for (const host of document.querySelectorAll('.box > *')) {
          if (host.shadowRoot)
            host.shadowRoot.adoptedStyleSheets = [...host.shadowRoot.adoptedStyleSheets, sheet];
        }
      }, extraCss);
    }
    const seen = await inspect(page, '.box > *');
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    return { page, seen };
  }

  it('no script runs, no element or style is injected, no javascript: URL: the strings show as text', async () => {
    const { seen } = await hostilePage('hostile');
    expect(seen.flag).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(seen.images).toBe(0);
    // the embed's and the page's own
    expect(seen.scripts).toBe(2);
    expect(seen.handlers).toEqual([]);
    expect(seen.javascriptUrls).toEqual([]);
    expect(seen.javascriptHrefs).toBe(0);
    expect(seen.injectedStyles).toBe(0);
    expect(seen.afterVisible).toBe(true);
    // the strings did arrive, and show as the characters they are
    for (const hostile of [HOSTILE.img, HOSTILE.script, HOSTILE.svg.slice(0, 20)])
      expect(seen.text).toContain(hostile);
    // nothing widens the page
    expect(seen.pageOverflow).toBeLessThanOrEqual(0);
  });

  // regression: unbreakable 10,000-character strings left their card (the heading from labels, the
  // video list's platform filter, status badge and platform name from the API)
  it('10,000-character strings stay inside their element', async () => {
    const { seen } = await hostilePage('hostile-layout');
    expect(seen.escapes).toEqual([]);
  });

  it("the table's CSV export neutralises formulas the API sent (=, +, -, @ at a cell's start)", async () => {
    const r = await visit(
      server.page(
        'csv',
        `<contentstats-config proxy-url="/api/contentstats" token-url="/token"></contentstats-config>
<contentstats-table id="table" video-id="${IDS.markup}"></contentstats-table>`,
      ),
    );
    const { page } = r;
    await page.locator('#table [data-part="row"]').first().waitFor();
    const download = page.waitForEvent('download');
    await page.locator('#table button', { hasText: 'Export CSV' }).click();
    const file = await download;
    const path = join(SCREENSHOTS, 'hostile.csv');
    await file.saveAs(path);
    const csv = readFileSync(path, 'utf8');
    // RFC 4180 cells (quoted ones may hold commas and doubled quotes)
    const cells = [...csv.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,\r\n]*)/gm)].map((m) =>
      (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'),
    );
    const formulas = cells.filter((cell) => /^[=+\-@]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
    expect(formulas).toEqual([]);
    // the values are kept, behind the quote that makes them text
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
  });

  it('the inspection catches a real injection (the same strings through innerHTML in a shadow root)', async () => {
    const r = await visit(
      server.page(
        'injected',
        '<div class="box"><div id="host"></div></div><p id="after">page text</p>',
        `const root = document.getElementById('host').attachShadow({ mode: 'open' });
root.innerHTML = ${literal(`${HOSTILE.img}${HOSTILE.svg}<a href="${HOSTILE.javascript}">x</a>`)};`,
      ),
    );
    await r.page.waitForFunction(
      (flag) => (window as unknown as Record<string, unknown>)[flag] !== undefined,
      FLAG,
    );
    const seen = await inspect(r.page, '.box > *');
    expect(seen.images).toBe(1);
    expect(seen.handlers).toEqual(['img[onerror]', 'svg[onload]']);
    expect(seen.javascriptUrls).toEqual(['a[href]']);
    expect(seen.javascriptHrefs).toBe(1);
  });
});
