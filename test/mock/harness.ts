import { createMockApi, type MockApiKey, type MockApiOptions } from '../../src/mock/index';

export const HOUR = 3_600_000;
export const T0 = Date.parse('2024-01-29T10:00:00Z');

/** JSON of a response (tests only read our own JSON). */
export type Json = Record<string, unknown> & { error?: string };

/** An engine with hand-driven simulated and wall clocks, and a terse request helper. */
export function harness(
  options: { keys?: MockApiKey[]; seed?: string; fixtures?: boolean; start?: number; speed?: number } = {},
) {
  const clocks = { sim: options.start ?? T0, wall: T0 };
  const engineOptions: MockApiOptions = {
    clock: () => clocks.sim,
    wallClock: () => clocks.wall,
    keys: options.keys ?? [{ key: 'k_pro', plan: 'pro', balance_usd: 100 }],
    fixtures: options.fixtures ?? false,
  };
  if (options.seed !== undefined) engineOptions.seed = options.seed;
  if (options.speed !== undefined) engineOptions.speed = options.speed;
  const api = createMockApi(engineOptions);

  async function call(
    method: string,
    path: string,
    init: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    const key = init.key === undefined ? 'k_pro' : init.key;
    if (key !== null) headers['X-API-Key'] = key;
    let body: string | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await api.handle(
      new Request(`http://mock.test${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
    );
    const json = (await response.json()) as Json;
    return { status: response.status, headers: response.headers, json };
  }

  const track = (
    video_link: string,
    duration_days?: number,
    init: { key?: string; headers?: Record<string, string> } = {},
  ) =>
    call('POST', '/api/v1/videos/track', {
      ...init,
      body: duration_days === undefined ? { video_link } : { video_link, duration_days },
    });

  return {
    api,
    call,
    track,
    /** Moves simulated time forward by `hours`. */
    advance(hours: number) {
      clocks.sim += hours * HOUR;
    },
    /** Moves wall-clock time forward by `ms`. */
    advanceWall(ms: number) {
      clocks.wall += ms;
    },
    clocks,
  };
}

/** A different valid video link per `n`. */
export function link(n: number): string {
  return `https://www.tiktok.com/@creator${n}/video/${7300000000000000000n + BigInt(n)}`;
}
