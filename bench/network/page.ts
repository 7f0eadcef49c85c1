/**
 * Part (a) of the network-economy benchmark: a plain page with ten embeds over three videos
 * (the built dist/embed.js in Chromium) left open for three simulated hours against the local API
 * through the proxy. Counts browser → proxy and proxy → upstream `GET /api/v1/videos/{id}` calls and
 * sets them beside the floor: one request per video for the first load, then one per video per new
 * snapshot.
 */
import { launchBrowser } from '../../test/e2e/embed-browser.js';
import { tenElements } from '../../test/e2e/embed-server.js';
import type { Row } from '../lib.js';
import {
  apiSnapshotCounter,
  type Counted,
  ensureBundle,
  HOUR_REAL_MS,
  PROXY_PATH,
  startRig,
  upstreamGets,
  waitFor,
} from './rig.js';

/** Simulated hours the page stays open. */
export const PAGE_HOURS = 3;

/** What part (a) measured. */
export interface PageResult {
  rows: Row[];
  browserToProxy: Counted;
  proxyToUpstream: Counted;
  /** Token requests of the page (one token per page is the floor while it lives). */
  tokens: number;
  notes: string[];
}

const videoPath = (id: string) => `/api/v1/videos/${id}`;

/** Snapshot count in a response body, or `null` when it is not a video. */
function snapshotsIn(body: string): number | null {
  try {
    const value = JSON.parse(body) as { snapshots?: unknown };
    return Array.isArray(value.snapshots) ? value.snapshots.length : null;
  } catch {
    return null;
  }
}

/** Runs part (a). */
export async function runPage(): Promise<PageResult> {
  const bundle = ensureBundle();
  const rig = await startRig();
  const browser = await launchBrowser();
  try {
    const videos = [await rig.seedVideo(1), await rig.seedVideo(2), await rig.seedVideo(3)];
    const [a, b, c] = videos as [string, string, string];
    const url = rig.page('network-ten', {
      body: `<contentstats-config proxy-url="${PROXY_PATH}" token-url="/token"></contentstats-config>
${tenElements([a, b, c])}`,
    });
    const apiCounts = await Promise.all(videos.map((id) => apiSnapshotCounter(rig, id)));
    const opened = Date.now();
    // tall enough that every element is near the viewport from the start
    const r = await browser.open(url, { width: 1100, height: 9000 });
    await r.page.locator('[data-cs-component][data-state="ready"]').nth(9).waitFor({ timeout: 30_000 });

    /** Snapshot counts of the page's responses for `id`, in arrival order. */
    const seen = async (id: string): Promise<number[]> => {
      await r.settled();
      return r.responses
        .filter((x) => new URL(x.url).pathname === `${PROXY_PATH}${videoPath(id)}` && x.status === 200)
        .map((x) => snapshotsIn(x.body))
        .filter((n): n is number => n !== null);
    };

    // three simulated hours with the page open (a timed window is what is measured here, not a state)
    const end = opened + PAGE_HOURS * HOUR_REAL_MS;
    await new Promise((done) => setTimeout(done, Math.max(0, end - Date.now())));
    // then until the page holds every snapshot the API has: the counts stop at a quiet point
    await waitFor(
      'the page to hold every snapshot the API has',
      async () => {
        for (const [i, id] of videos.entries()) {
          const counts = await seen(id);
          if (counts.at(-1) !== apiCounts[i]?.()) return false;
        }
        return true;
      },
      4 * HOUR_REAL_MS,
    );
    const stopped = Date.now();

    const rows: Row[] = [];
    let browserTotal = 0;
    let upstreamTotal = 0;
    let floorTotal = 0;
    let pageTotal = 0;
    for (const id of videos) {
      const counts = await seen(id);
      const first = counts[0] ?? 0;
      const last = counts.at(-1) ?? 0;
      // one request for the first load, then one per snapshot that appeared while the page was open
      const floor = 1 + (last - first);
      const browser = rig.proxied.filter(
        (p) => p.method === 'GET' && p.url.split('?')[0] === videoPath(id),
      ).length;
      const upstream = upstreamGets(rig, id);
      const page = r.count(`${PROXY_PATH}${videoPath(id)}`);
      browserTotal += browser;
      upstreamTotal += upstream;
      floorTotal += floor;
      pageTotal += page;
      rows.push({
        case: `page: video ${videos.indexOf(id) + 1}`,
        'new snapshots': last - first,
        floor,
        'browser→proxy': browser,
        'proxy→upstream': upstream,
        'browser ratio': `${(browser / floor).toFixed(2)}×`,
        'upstream ratio': `${(upstream / floor).toFixed(2)}×`,
      });
    }
    rows.push({
      case: 'page: 3 videos, 10 embeds',
      'new snapshots': floorTotal - videos.length,
      floor: floorTotal,
      'browser→proxy': browserTotal,
      'proxy→upstream': upstreamTotal,
      'browser ratio': `${(browserTotal / floorTotal).toFixed(2)}×`,
      'upstream ratio': `${(upstreamTotal / floorTotal).toFixed(2)}×`,
    });
    const tokens = r.count('/token');
    const other = rig.proxied.filter((p) => !videos.some((id) => p.url.split('?')[0] === videoPath(id)));
    return {
      rows,
      browserToProxy: { measured: browserTotal, floor: floorTotal },
      proxyToUpstream: { measured: upstreamTotal, floor: floorTotal },
      tokens,
      notes: [
        bundle,
        `page: open ${((stopped - opened) / HOUR_REAL_MS).toFixed(2)} simulated hours (${PAGE_HOURS} h, then until the page held every snapshot the API had); ` +
          `${tokens} token request(s); ${other.length} other request(s) reached the proxy; ` +
          `the page itself saw ${pageTotal} video requests (Playwright request events, HTTP-cache answers included).`,
      ],
    };
  } finally {
    await browser.close();
    await rig.close();
  }
}
