/**
 * Network economy (issue #12, item 3): how many requests the embed and the proxy make compared
 * with the least they could. (a) A page with ten embeds over three videos, in Chromium, open for
 * three simulated hours; (b) one embed watched by 1, 10, 100 and 1,000 viewers. The floor is one
 * upstream request per video for the first load, then one per video per new snapshot.
 */
import { launchBrowser } from '../test/e2e/embed-browser.js';
import type { Bench, Row, Section, Target } from './lib.js';
import { PAGE_HOURS, runPage } from './network/page.js';
import { HOUR_REAL_MS, ratioText, SPEED, startRig } from './network/rig.js';
import { runViewers, STEADY_SNAPSHOTS, type ViewersResult, viewersRow } from './network/viewers.js';

/** Viewer counts of part (b). */
const VIEWERS = [1, 10, 100, 1000];
/** Chromium pages among the 1,000 viewers of the last row. */
const CHROMIUM_PAGES = 5;

/** Network economy: requests against the floor, for one page and for many viewers. */
export const bench: Bench = {
  id: 'network',
  async run(): Promise<Section> {
    const page = await runPage();

    const rig = await startRig();
    const browser = await launchBrowser();
    const results: ViewersResult[] = [];
    try {
      for (const [i, viewers] of VIEWERS.entries()) results.push(await runViewers(rig, viewers, 100 + i));
      // the same crowd arriving as a real audience does: one by one over a simulated hour
      results.push(await runViewers(rig, 1000, 200, { spreadMs: HOUR_REAL_MS }));
      // and with real browsers among them: the built embed on its lean query-core, not a Node stand-in
      results.push(await runViewers(rig, 1000, 300, { pages: CHROMIUM_PAGES, browser }));
    } finally {
      await browser.close();
      await rig.close();
    }

    const rows: Row[] = [...page.rows, ...results.map(viewersRow)];
    const worstSteady = Math.max(...results.map((r) => r.steadyUpstream / r.steadyFloor));
    const worstStart = Math.max(...results.map((r) => r.startUpstream / r.startFloor));
    const targets: Target[] = [
      {
        name: `page (10 embeds, 3 videos, ${PAGE_HOURS} simulated h): proxy→upstream requests vs floor`,
        target: '1.00×',
        measured: ratioText(page.proxyToUpstream),
        met: page.proxyToUpstream.measured <= page.proxyToUpstream.floor,
      },
      {
        name: 'page: browser→proxy requests vs floor',
        target: '1.00×',
        measured: ratioText(page.browserToProxy),
        met: page.browserToProxy.measured <= page.browserToProxy.floor,
      },
      {
        name: `upstream requests per new snapshot, worst of ${VIEWERS.join(' / ')} viewers (and 1,000 arriving over an hour, 1,000 with ${CHROMIUM_PAGES} Chromium pages), vs floor`,
        target: '1.00× regardless of viewers',
        measured: `${worstSteady.toFixed(2)}× (first load: ${worstStart.toFixed(2)}×)`,
        met: worstSteady <= 1 && worstStart <= 1,
      },
    ];
    return {
      id: 'network',
      title: 'Network economy',
      description:
        'Requests for GET /api/v1/videos/{id} against the floor: one per video for the first load, then one per ' +
        'video per new snapshot (new snapshots = the snapshot count of the last answer minus that of the first). ' +
        'Upstream calls are counted by a passthrough in front of the local API, browser→proxy calls by the server ' +
        `in front of the proxy. Local API at ${SPEED}× (one snapshot per video every ${HOUR_REAL_MS / 1000} real s).`,
      rows,
      targets,
      notes: [
        ...page.notes,
        `viewers: each is a Node client built by the embed's own connectionFor (its own token from the token endpoint, ` +
          `its own client and query cache) observing the video with the embed's videoQueryOptions on @tanstack/query-core ` +
          '(the embed ships a lean copy of it; query-core is told it is not on a server, so it schedules polls), so it polls on ' +
          "the embed's schedule; each row watches a fresh video; viewers start all at once, or one by one over a simulated hour; " +
          `the last row has ${CHROMIUM_PAGES} Chromium pages with the built embed among the 1,000 (each its own token URL, so its own token); ` +
          'viewer→proxy requests are counted at the server in front of the proxy; ' +
          `the floor counts the first load once and then ${STEADY_SNAPSHOTS} new snapshots watched after every viewer had loaded.`,
        'cause found and fixed (commit 77cb574, src/proxy/internal/cacheEntry.ts): a proxy cache hit rounded the remaining ' +
          'max-age down (4.9 s left → max-age=4), so its viewers came back before the entry expired, got the same snapshot ' +
          'with max-age=0, which the client reads as a late snapshot and answers with a one-minute pause (12 simulated hours ' +
          'at 720×): with 10 viewers 9 stopped getting snapshots; now rounded up as the API rounds its own max-age.',
        'proxy as in the e2e rig: default cache and coalescing, request limits off (1,000 viewers share one address here).',
        'measured on a shared box (2 cores, several agents at work): counts, not times, are the figures; times are indicative.',
      ],
    };
  },
};
