/**
 * Part (b) of the network-economy benchmark: many viewers of one embed. Each viewer is a Node
 * client built by the embed's own `connectionFor` (its own token source, client and query cache:
 * a distinct token URL per viewer keeps their connections apart) observing the video with the
 * embed's own `videoQueryOptions`, so it polls on the schedule the embed uses. Counts upstream
 * calls per new snapshot as the number of viewers grows.
 */
import { environmentManager, QueryObserver } from '@tanstack/query-core';
import { type Connection, connectionFor } from '../../src/embed/connection.js';
import { videoQueryOptions } from '../../src/query/options.js';
import type { EmbedServer } from '../../test/e2e/embed-server.js';
import type { Row } from '../lib.js';
import { apiSnapshotCounter, HOUR_REAL_MS, PROXY_PATH, upstreamGets, waitFor } from './rig.js';

/** New snapshots watched per viewer count, after every viewer has loaded. */
export const STEADY_SNAPSHOTS = 3;

/** One viewer count's figures. */
export interface ViewersResult {
  viewers: number;
  /** Real ms over which the viewers arrived (0: all at once). */
  spreadMs: number;
  /** Upstream calls for the first load of all viewers (floor 1, plus any snapshot that landed meanwhile). */
  startUpstream: number;
  startFloor: number;
  /** Upstream calls while {@link STEADY_SNAPSHOTS} new snapshots appeared, and its floor. */
  steadyUpstream: number;
  steadyFloor: number;
  /** Viewer → proxy video requests while steady, per viewer per new snapshot. */
  requestsPerViewerSnapshot: number;
  /** Real ms from the start until every viewer had arrived and had the API's latest snapshot. */
  loadMs: number;
}

interface Viewer {
  connection: Connection;
  snapshots: number;
  stop: () => void;
}

/** Counts viewer → proxy requests for `id` while it is installed (the connections call globalThis.fetch). */
function countFetches(origin: string, id: string): { count: () => number; restore: () => void } {
  const original = globalThis.fetch;
  const target = `${origin}${PROXY_PATH}/api/v1/videos/${id}`;
  let count = 0;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.split('?')[0] === target) count++;
    return original(input, init);
  };
  return {
    count: () => count,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

function startViewer(rig: EmbedServer, id: string, name: string): Viewer {
  // a distinct token URL is a distinct connection: its own token, client and query cache
  const connection = connectionFor(PROXY_PATH, `/token?viewer=${name}`, rig.origin);
  const release = connection.retain();
  const observer = new QueryObserver(connection.queryClient, videoQueryOptions(connection.context, id));
  const viewer: Viewer = { connection, snapshots: -1, stop: () => {} };
  const unsubscribe = observer.subscribe((result) => {
    if (result.data) viewer.snapshots = result.data.snapshots.length;
  });
  viewer.stop = () => {
    unsubscribe();
    release();
    connection.queryClient.clear();
  };
  return viewer;
}

/** Runs `viewers` viewers of a fresh video until {@link STEADY_SNAPSHOTS} new snapshots have reached all of them. */
export async function runViewers(
  rig: EmbedServer,
  viewers: number,
  seed: number,
  /** Arrivals spread evenly over this many real ms (0: all at once). */
  spreadMs = 0,
): Promise<ViewersResult> {
  // each viewer stands for a browser: query-core schedules no refetch timers on a server (no window)
  environmentManager.setIsServer(() => false);
  const id = await rig.seedVideo(seed);
  const fetches = countFetches(rig.origin, id);
  const started = Date.now();
  const apiCount = await apiSnapshotCounter(rig, id);
  const startApi = apiCount();
  const all: Viewer[] = [];
  const arrivals: ReturnType<typeof setTimeout>[] = [];
  for (let i = 0; i < viewers; i++) {
    const arrive = () => all.push(startViewer(rig, id, `${seed}-${i}`));
    if (spreadMs === 0) arrive();
    else arrivals.push(setTimeout(arrive, Math.floor((i * spreadMs) / viewers)));
  }
  const quiet = async (): Promise<number | null> => {
    const api = apiCount();
    return all.length === viewers && all.every((v) => v.snapshots === api) ? api : null;
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
    const startRequests = fetches.count();
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
      startUpstream,
      startFloor: 1 + (loadedApi - startApi),
      steadyUpstream,
      steadyFloor,
      requestsPerViewerSnapshot: (fetches.count() - startRequests) / viewers / steadyFloor,
      loadMs,
    };
  } finally {
    fetches.restore();
    for (const timer of arrivals) clearTimeout(timer);
    for (const v of all) v.stop();
  }
}

/** A table row of {@link runViewers}' result. */
export function viewersRow(r: ViewersResult): Row {
  return {
    case: `viewers: ${r.viewers.toLocaleString('en-US')}${r.spreadMs > 0 ? ', arriving over 1 simulated h' : ', all at once'}`,
    'new snapshots': r.steadyFloor,
    floor: r.steadyFloor,
    'proxy→upstream': r.steadyUpstream,
    'upstream ratio': `${(r.steadyUpstream / r.steadyFloor).toFixed(2)}×`,
    'first load upstream': `${r.startUpstream} (floor ${r.startFloor})`,
    'viewer→proxy per viewer per snapshot': r.requestsPerViewerSnapshot.toFixed(2),
    'all loaded in ms': r.loadMs,
  };
}
