/**
 * Part (b) of the network-economy benchmark: many viewers of one embed. Each viewer is a Node
 * client built by the embed's own `connectionFor` (its own token source, client and query cache:
 * a distinct token URL per viewer keeps their connections apart) observing the video with the
 * embed's own `videoQueryOptions`, so it polls on the schedule the embed uses; some viewers can be
 * real Chromium pages with the built embed instead. Counts upstream calls per new snapshot as the
 * number of viewers grows.
 */
import { environmentManager, QueryObserver } from '@tanstack/query-core';
import { connectionFor } from '../../src/embed/connection.js';
import { videoQueryOptions } from '../../src/query/options.js';
import type { launchBrowser } from '../../test/e2e/embed-browser.js';
import type { EmbedServer } from '../../test/e2e/embed-server.js';
import type { Row } from '../lib.js';
import { apiSnapshotCounter, HOUR_REAL_MS, PROXY_PATH, upstreamGets, waitFor } from './rig.js';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** New snapshots watched per viewer count, after every viewer has loaded. */
export const STEADY_SNAPSHOTS = 3;

/** One viewer count's figures. */
export interface ViewersResult {
  viewers: number;
  /** Real ms over which the viewers arrived (0: all at once). */
  spreadMs: number;
  /** How many of them were Chromium pages with the built embed. */
  pages: number;
  /** Upstream calls for the first load of all viewers (floor 1, plus any snapshot that landed meanwhile). */
  startUpstream: number;
  startFloor: number;
  /** Upstream calls while {@link STEADY_SNAPSHOTS} new snapshots appeared, and its floor. */
  steadyUpstream: number;
  steadyFloor: number;
  /** Viewer → proxy video requests while steady (counted at the proxy), per viewer per new snapshot. */
  requestsPerViewerSnapshot: number;
  /** Real ms from the start until every viewer had arrived and had the API's latest snapshot. */
  loadMs: number;
}

/** One viewer: how many snapshots it shows now, and how to make it leave. */
interface Viewer {
  snapshots(): Promise<number>;
  stop(): Promise<void>;
}

/** Opens a Chromium page with the built embed's summary of `id` (a real viewer, beside the simulated ones). */
async function startPage(rig: EmbedServer, browser: Browser, id: string, name: string): Promise<Viewer> {
  const url = rig.page(`viewer-${name}`, {
    body: `<contentstats-config proxy-url="${PROXY_PATH}" token-url="/token?viewer=${name}"></contentstats-config>
<contentstats-summary video-id="${id}"></contentstats-summary>`,
  });
  const r = await browser.open(url);
  const path = `${PROXY_PATH}/api/v1/videos/${id}`;
  return {
    async snapshots() {
      await r.settled();
      const last = r.responses.filter((x) => new URL(x.url).pathname === path && x.status === 200).at(-1);
      if (!last) return -1;
      return ((JSON.parse(last.body) as { snapshots?: unknown[] }).snapshots ?? []).length;
    },
    stop: () => r.page.close(),
  };
}

function startViewer(rig: EmbedServer, id: string, name: string): Viewer {
  // a distinct token URL is a distinct connection: its own token, client and query cache
  const connection = connectionFor(PROXY_PATH, `/token?viewer=${name}`, rig.origin);
  const release = connection.retain();
  const observer = new QueryObserver(connection.queryClient, videoQueryOptions(connection.context, id));
  let snapshots = -1;
  const unsubscribe = observer.subscribe((result) => {
    if (result.data) snapshots = result.data.snapshots.length;
  });
  return {
    snapshots: async () => snapshots,
    async stop() {
      unsubscribe();
      release();
      connection.queryClient.clear();
    },
  };
}

/** Options of {@link runViewers}. */
export interface ViewersOptions {
  /** Arrivals spread evenly over this many real ms. @defaultValue 0 (all at once) */
  spreadMs?: number;
  /** How many of the viewers are Chromium pages with the built embed (the rest are Node viewers). */
  pages?: number;
  /** The browser for `pages`. */
  browser?: Browser;
}

/** Runs `viewers` viewers of a fresh video until {@link STEADY_SNAPSHOTS} new snapshots have reached all of them. */
export async function runViewers(
  rig: EmbedServer,
  viewers: number,
  seed: number,
  options: ViewersOptions = {},
): Promise<ViewersResult> {
  const { spreadMs = 0, pages = 0, browser } = options;
  if (pages > 0 && !browser) throw new Error('pages need a browser');
  // each viewer stands for a browser: query-core schedules no refetch timers on a server (no window)
  environmentManager.setIsServer(() => false);
  const id = await rig.seedVideo(seed);
  const path = `/api/v1/videos/${id}`;
  const asked = () => rig.proxied.filter((p) => p.method === 'GET' && p.url.split('?')[0] === path).length;
  const started = Date.now();
  const apiCount = await apiSnapshotCounter(rig, id);
  const startApi = apiCount();
  const all: Viewer[] = [];
  const opening: Promise<void>[] = [];
  const arrivals: ReturnType<typeof setTimeout>[] = [];
  for (let i = 0; i < viewers; i++) {
    const name = `${seed}-${i}`;
    const arrive = () => {
      if (i < pages && browser) opening.push(startPage(rig, browser, id, name).then((v) => void all.push(v)));
      else all.push(startViewer(rig, id, name));
    };
    if (spreadMs === 0) arrive();
    else arrivals.push(setTimeout(arrive, Math.floor((i * spreadMs) / viewers)));
  }
  const quiet = async (): Promise<number | null> => {
    const api = apiCount();
    if (all.length < viewers) return null;
    for (const v of all) if ((await v.snapshots()) !== api) return null;
    return api;
  };
  try {
    let loadedApi = 0;
    await waitFor(
      `${viewers} viewers to load`,
      async () => {
        loadedApi = (await quiet()) ?? 0;
        return loadedApi > 0;
      },
      30 * HOUR_REAL_MS,
    );
    const loadMs = Date.now() - started;
    const startUpstream = upstreamGets(rig, id);
    const startRequests = asked();
    let steadyApi = 0;
    await waitFor(
      `${STEADY_SNAPSHOTS} new snapshots to reach ${viewers} viewers`,
      async () => {
        steadyApi = (await quiet()) ?? 0;
        return steadyApi >= loadedApi + STEADY_SNAPSHOTS;
      },
      (STEADY_SNAPSHOTS + 4) * HOUR_REAL_MS,
    );
    const steadyFloor = steadyApi - loadedApi;
    const steadyUpstream = upstreamGets(rig, id) - startUpstream;
    return {
      viewers,
      spreadMs,
      pages,
      startUpstream,
      startFloor: 1 + (loadedApi - startApi),
      steadyUpstream,
      steadyFloor,
      requestsPerViewerSnapshot: (asked() - startRequests) / viewers / steadyFloor,
      loadMs,
    };
  } finally {
    for (const timer of arrivals) clearTimeout(timer);
    await Promise.allSettled(opening);
    await Promise.all(all.map((v) => v.stop()));
  }
}

/** A table row of {@link runViewers}' result. */
export function viewersRow(r: ViewersResult): Row {
  return {
    case: `viewers: ${r.viewers.toLocaleString('en-US')}${r.pages > 0 ? ` (${r.pages} Chromium pages)` : ''}${r.spreadMs > 0 ? ', arriving over 1 simulated h' : ', all at once'}`,
    'new snapshots': r.steadyFloor,
    floor: r.steadyFloor,
    'proxy→upstream': r.steadyUpstream,
    'upstream ratio': `${(r.steadyUpstream / r.steadyFloor).toFixed(2)}×`,
    'first load upstream': `${r.startUpstream} (floor ${r.startFloor})`,
    'viewer→proxy per viewer per snapshot': r.requestsPerViewerSnapshot.toFixed(2),
    'all loaded in ms': r.loadMs,
  };
}
