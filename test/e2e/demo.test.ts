import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/mock/index';
import { launchBrowser, type Recorder } from './embed-browser';

const ROOT = join(import.meta.dirname, '../..');
/** Screenshots to look at: the pages as a first-time user sees them. */
const SHOTS = join(ROOT, 'test-results/demo');
/** The demo's second local key (the 402 example): no key may reach a browser. */
const KEYS = [DEMO_API_KEY, 'cs_demo_poor_key'];

interface Demo {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** `npm run demo` as package.json runs it, on a free port; its own process group, so it can be ended whole. */
async function startDemo(): Promise<Demo> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
  delete env.CONTENTSTATS_API_KEY;
  delete env.CONTENTSTATS_API_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/run.ts'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+?)\/?\s/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the demo exited (${code}):\n${output}`)));
  });
  return { child, base, output: () => output };
}

/** Rows of the selected video's snapshot table. */
function snapshotRows(page: Page): Locator {
  return page.locator('.demo-selected table tbody tr');
}

describe('npm run demo in Chromium: dashboard and marketing page', () => {
  let demo: Demo;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const visited: Recorder[] = [];
  // console errors a test provokes on purpose (Chromium logs every 4xx response)
  let expectedConsole: RegExp | null = null;
  const link = `https://www.tiktok.com/@e2e.demo/video/74000000000${Date.now() % 100_000_000}`;

  async function visit(path: string, viewport?: { width: number; height: number }): Promise<Recorder> {
    const r = await browser.open(`${demo.base}${path}`, viewport);
    visited.push(r);
    return r;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    demo = await startDemo();
    browser = await launchBrowser();
    // first load: Vite optimises the dashboard's dependencies; later pages then load as users see them
    const warm = await browser.open(`${demo.base}/`);
    await warm.page.getByLabel('Video link').first().waitFor({ timeout: 90_000 });
    await warm.page.close();
  }, 120_000);

  afterEach(async () => {
    for (const r of visited.splice(0)) {
      await r.settled();
      // nothing the browser sent or received carries an API key: only tokens
      const traffic = JSON.stringify([r.requests, r.responses]);
      for (const key of KEYS) expect(traffic).not.toContain(key);
      expect(r.pageErrors).toEqual([]);
      const pattern = expectedConsole;
      expect(r.consoleErrors.filter((m) => !pattern?.test(m))).toEqual([]);
      await r.page.close();
    }
    expectedConsole = null;
  });

  afterAll(async () => {
    await browser?.close();
    if (!demo || demo.child.exitCode !== null) return;
    // Ctrl-C reaches the whole process group: everything closes and the demo exits 0
    const exited = new Promise<number | null>((resolve) => demo.child.once('exit', (code) => resolve(code)));
    process.kill(-(demo.child.pid as number), 'SIGINT');
    expect(await exited).toBe(0);
  }, 30_000);

  it('prints one URL to open first, and says the data comes from the local API', () => {
    expect(demo.output()).toMatch(/ContentStats demo: open http:\/\/127\.0\.0\.1:\d+\//);
    expect(demo.output()).toContain('local ContentStats API');
    expect(demo.output()).not.toMatch(/Error|at .+\.ts:\d+/);
  });

  it('refuses a busy port in one line, with what to do, and exits 1', async () => {
    const port = new URL(demo.base).port;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: port };
    delete env.CONTENTSTATS_API_KEY;
    const second = spawn(process.execPath, ['--import', 'tsx', 'demo/run.ts'], { cwd: ROOT, env });
    let stderr = '';
    second.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Port ${port} is already in use. Stop what runs there, or pick another port: PORT=${Number(port) + 1} npm run demo (or npm run demo -- --port ${Number(port) + 1}).`,
    );
  });

  it('tracks a pasted link: validation, cost against the balance, then its snapshots arrive and grow', async () => {
    const { page } = await visit('/');
    const tracker = page.locator('.demo-content [data-cs-component="VideoTracker"]');
    await tracker.getByLabel('Video link').fill('https://www.tiktok.com.evil.io/@x/video/1');
    await tracker.getByLabel('Video link').blur();
    // a look-alike host is refused before anything is sent, with what to use instead
    await expect.poll(() => tracker.getByLabel('Video link').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => tracker.textContent()).toContain('"www.tiktok.com.evil.io" is not a TikTok host');
    expect(await tracker.textContent()).toContain('like tiktok.com/@user/video/123');
    await tracker.getByLabel('Video link').fill(link);
    await expect.poll(() => tracker.textContent()).toMatch(/Estimated cost \$2\.52/);
    await expect.poll(() => tracker.textContent()).toMatch(/Balance \$\d/);
    await tracker.getByRole('button', { name: 'Start tracking' }).click();

    // the new video is selected, listed, and its first snapshot arrives
    await expect
      .poll(() => page.locator('#selected-heading').textContent(), { timeout: 20_000 })
      .toContain('@e2e.demo');
    await expect
      .poll(() => page.locator('[data-cs-component="VideoList"]').textContent())
      .toContain('@e2e.demo');
    await expect.poll(() => snapshotRows(page).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const first = await snapshotRows(page).count();
    // 720×: a new snapshot every 5 real seconds; the page picks it up without a reload
    await expect.poll(() => snapshotRows(page).count(), { timeout: 30_000 }).toBeGreaterThan(first);
    await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });
  });

  it('stops a video from the list after a confirmation', async () => {
    const { page } = await visit('/');
    const list = page.locator('[data-cs-component="VideoList"]');
    const item = list.locator('li', { hasText: '@e2e.demo' });
    await item.getByRole('button', { name: /^Stop/ }).click();
    await item.getByRole('button', { name: 'Stop tracking' }).click();
    await expect
      .poll(() => item.locator('[data-part="status"]').textContent(), { timeout: 15_000 })
      .toBe('Stopped');
    // and the API agrees after a reload
    await page.reload();
    await expect
      .poll(
        () => list.locator('li', { hasText: '@e2e.demo' }).locator('[data-part="status"]').textContent(),
        {
          timeout: 15_000,
        },
      )
      .toBe('Stopped');
  });

  it('renders the error states on demand: 404, 402, 429, 401 and 403', async () => {
    expectedConsole = /Failed to load resource: the server responded with a status of (401|403|404|429)/;
    const { page } = await visit('/');
    const card = (id: string) => page.locator(`[data-example="${id}"]`);

    await card('404').getByRole('button', { name: 'Start tracking' }).click();
    await expect
      .poll(() => card('404').textContent(), { timeout: 15_000 })
      .toContain('This video was not found');

    await expect
      .poll(() => card('402').textContent(), { timeout: 15_000 })
      .toMatch(/costs about \$2\.52 but your balance is \$0\.20/);

    await card('429').getByRole('button', { name: 'Show it' }).click();
    await expect.poll(() => card('429').textContent(), { timeout: 15_000 }).toMatch(/Too many requests/);

    await card('401').getByRole('button', { name: 'Show it' }).click();
    await expect.poll(() => card('401').textContent(), { timeout: 15_000 }).toContain('You are signed out');
    await expect.poll(() => card('401').getByRole('button', { name: 'Sign in again' }).count()).toBe(1);

    await card('403').getByRole('button', { name: 'Show it' }).click();
    await card('403').getByRole('button', { name: 'Start tracking' }).click();
    await expect
      .poll(() => card('403').textContent(), { timeout: 15_000 })
      .toContain('You are not allowed to do this');
    await card('404').scrollIntoViewIfNeeded();
    await page.locator('.demo-errors').screenshot({ path: join(SHOTS, 'dashboard-errors.png') });
  });

  it('switches light, dark and brand themes (components and page alike), and fits a phone', async () => {
    const { page } = await visit('/');
    const surface = () =>
      page
        .locator('[data-part="base"], [data-state]')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.getByLabel('Light').check();
    const light = await surface();
    await page.getByLabel('Dark').check();
    await expect.poll(surface).not.toBe(light);
    await expect.poll(() => page.locator('.demo').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: join(SHOTS, 'dashboard-dark.png'), fullPage: true });
    await page.getByLabel('Brand').check();
    await expect.poll(surface).toBe('rgb(255, 253, 248)');
    await page.getByLabel('Light').check();

    const phone = await visit('/', { width: 390, height: 844 });
    await phone.page.getByLabel('Video link').first().waitFor();
    // nothing wider than the screen
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.page.screenshot({ path: join(SHOTS, 'dashboard-phone.png'), fullPage: true });
  });

  it('serves the marketing page: plain HTML whose embeds render with a read-only, video-scoped, origin-bound token', async () => {
    const r = await visit('/marketing/');
    const { page } = r;
    const ready = (selector: string) =>
      page.evaluate(
        (s) =>
          [...document.querySelectorAll(s)].every(
            (el) => el.shadowRoot?.querySelector('[data-state="ready"]') !== null && el.shadowRoot !== null,
          ) && document.querySelectorAll(s).length > 0,
        selector,
      );
    // the build of dist/embed.js may still be running when the page opens: the page waits for it
    await expect.poll(() => ready('contentstats-summary'), { timeout: 90_000 }).toBe(true);
    await expect.poll(() => ready('contentstats-chart'), { timeout: 30_000 }).toBe(true);
    await page.locator('details summary').click();
    await expect.poll(() => ready('contentstats-table'), { timeout: 30_000 }).toBe(true);
    // one script, no bundler: the page's only scripts are the embed
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')));
    expect(scripts).toEqual(['/embed.js']);

    await r.settled();
    const minted = r.responses.find((res) => new URL(res.url).pathname === '/api/embed-token');
    const token = (JSON.parse(minted?.body ?? '{}') as { token?: string }).token ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims.scope).toEqual(['read']);
    expect(claims.vid).toEqual(['cm5fixviral1', 'cm5fixmega01', 'cm5fixbloom1']);
    expect(claims.origin).toBe(demo.base);
    await page.screenshot({ path: join(SHOTS, 'marketing.png'), fullPage: true });
  });

  it("serves the README's React quickstart: all six components against the local API", async () => {
    const { page } = await visit('/quickstart.html');
    const state = (name: string) => page.locator(`[data-cs-component="${name}"]`).getAttribute('data-state');
    // usage and the list of tracked videos load at once
    await expect.poll(() => state('UsageMeter'), { timeout: 30_000 }).toBe('ready');
    await expect.poll(() => state('VideoList'), { timeout: 30_000 }).toBe('ready');
    const tracker = page.locator('[data-cs-component="VideoTracker"]');
    await tracker.getByLabel('Video link').fill(`${link.replace('@e2e.demo', '@e2e.quick')}`);
    await tracker.getByRole('button', { name: 'Start tracking' }).click();
    // the tracked video's summary, chart and table follow
    for (const name of ['MetricSummary', 'SnapshotChart', 'SnapshotTable'])
      await expect.poll(() => state(name), { timeout: 30_000 }).toBe('ready');
  });

  it("serves the README's script-tag quickstart, and it renders as is", async () => {
    const { page } = await visit('/marketing/quickstart.html');
    const ready = () =>
      page.evaluate(() =>
        ['contentstats-chart', 'contentstats-summary'].every(
          (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[data-state="ready"]') != null,
        ),
      );
    await expect.poll(ready, { timeout: 90_000 }).toBe(true);
  });

  it('serves Storybook at /storybook/, or says how to get it', async () => {
    const response = await fetch(`${demo.base}/storybook/`);
    const body = await response.text();
    if (response.status === 200) expect(body).toMatch(/storybook/i);
    else expect(body).toContain('npm run build-storybook');
  });
});
