/**
 * What both network-economy runs share: the e2e rig (local API on an accelerated clock, a counting
 * passthrough in front of it, the proxy and the token endpoint, all on 127.0.0.1) and the API's own
 * view of a video, read directly from the local API so that reading it is never counted.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { API_KEY, type EmbedServer, startEmbedServer } from '../../test/e2e/embed-server.js';
import embedSetup from '../../test/e2e/embed-setup.js';

const BUNDLE = join(import.meta.dirname, '../../dist/embed.js');

/** The mount path of the proxy on the rig's origin. */
export const PROXY_PATH = '/api/contentstats';

/** Simulated ms per real ms: one simulated hour (one snapshot per video) every 5 real seconds. */
export const SPEED = 720;

/** Real ms of one simulated hour at {@link SPEED}. */
export const HOUR_REAL_MS = 3_600_000 / SPEED;

/**
 * Builds dist/embed.js when it is missing or older than its sources (as the e2e tests do); when that
 * build fails (the work tree is shared and may be mid-edit), the bundle already there is used and said so.
 */
export function ensureBundle(): string {
  try {
    embedSetup();
    return 'dist/embed.js built from the current sources';
  } catch (error) {
    if (!existsSync(BUNDLE)) throw error;
    return `dist/embed.js could not be rebuilt (${String((error as Error).message).split('\n')[0]}); used the one built ${statSync(BUNDLE).mtime.toISOString()}`;
  }
}

/** Starts the rig (local API, counting passthrough, proxy, token endpoint, test pages). */
export function startRig(): Promise<EmbedServer> {
  return startEmbedServer({ speed: SPEED });
}

/**
 * How many snapshots the API holds for `id` at any moment: read once from the local API itself
 * (not through the counter), then followed on the API's own clock (`mock.api.now()`, one snapshot per
 * simulated hour after the last), so the reads spend none of the key's request budget.
 */
export async function apiSnapshotCounter(rig: EmbedServer, id: string): Promise<() => number> {
  const response = await fetch(`${rig.mock.url}/api/v1/videos/${id}`, { headers: { 'X-API-Key': API_KEY } });
  if (!response.ok) throw new Error(`reading ${id} from the local API: ${response.status}`);
  const video = (await response.json()) as { snapshots: Array<{ snapshot_time: string }> };
  const count = video.snapshots.length;
  const last = Date.parse(video.snapshots.at(-1)?.snapshot_time ?? '');
  if (Number.isNaN(last)) throw new Error(`${id} has no snapshot yet`);
  return () => count + Math.floor((rig.mock.api.now() - last) / 3_600_000);
}

/** Upstream (proxy → local API) `GET /api/v1/videos/{id}` calls so far. */
export function upstreamGets(rig: EmbedServer, id: string): number {
  return rig.upstream.calls.filter(
    (c) => c.method === 'GET' && c.url.split('?')[0] === `/api/v1/videos/${id}`,
  ).length;
}

/** Polls `check` every 50 ms until it holds; throws after `timeoutMs` with `what`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A measured count beside its floor. */
export interface Counted {
  measured: number;
  floor: number;
}

/** `measured / floor` with two decimals, e.g. `1.00×`. */
export function ratioText({ measured, floor }: Counted): string {
  return `${(measured / floor).toFixed(2)}×`;
}
