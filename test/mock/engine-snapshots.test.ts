import { describe, expect, it } from 'vitest';
import type { Snapshot, Video, VideoSummary } from '../../src/client/types';
import { createMockApi, DEMO_API_KEY, FIXTURE_IDS } from '../../src/mock/index';
import { createProfile, createVideoTimeline, type GrowthShape } from '../../src/mock/internal/growth';
import { HOUR, harness, link, T0 } from './harness';

const METRICS = ['views', 'likes', 'comments', 'shares', 'saves'] as const;

async function video(h: ReturnType<typeof harness>, id: unknown, key = 'k_pro'): Promise<Video> {
  const res = await h.call('GET', `/api/v1/videos/${id}`, { key });
  expect(res.status).toBe(200);
  return res.json as unknown as Video;
}

function expectMonotonic(snapshots: ReadonlyArray<Pick<Snapshot, (typeof METRICS)[number]>>): void {
  const decreases: string[] = [];
  for (let i = 1; i < snapshots.length; i++) {
    const prev = snapshots[i - 1]!;
    const next = snapshots[i]!;
    for (const metric of METRICS) {
      const a = prev[metric];
      const b = next[metric];
      // a metric is either always reported or never (per provider)
      if ((a === null) !== (b === null)) decreases.push(`${metric} null flip at hour ${i}`);
      else if (a !== null && b !== null && BigInt(b) < BigInt(a)) decreases.push(`${metric} at hour ${i}`);
    }
  }
  expect(decreases).toEqual([]);
}

describe('mock engine: snapshots', () => {
  it('lands one snapshot per hour from created_at, counts as decimal strings', async () => {
    const h = harness({ start: T0 + 20 * 60_000 }); // 10:20
    const { json } = await h.track(link(1), 1);
    expect((await video(h, json.id)).snapshots).toHaveLength(1);
    h.advance(5);
    const { snapshots, created_at } = await video(h, json.id);
    expect(created_at).toBe('2024-01-29T10:20:00Z');
    expect(snapshots.map((s) => s.snapshot_time)).toEqual([
      '2024-01-29T10:20:00Z',
      '2024-01-29T11:20:00Z',
      '2024-01-29T12:20:00Z',
      '2024-01-29T13:20:00Z',
      '2024-01-29T14:20:00Z',
      '2024-01-29T15:20:00Z',
    ]);
    for (const s of snapshots) {
      expect(s.views).toMatch(/^\d+$/);
      expect(s.id).toEqual(expect.any(String));
      expect(s.snapshot_id).toEqual(expect.any(String));
    }
    expect(new Set(snapshots.map((s) => s.id)).size).toBe(6);
  });

  it('never decreases any metric hour over hour, for many videos of every shape', async () => {
    const h = harness({ keys: [{ key: 'k_ent', plan: 'enterprise', balance_usd: 10_000 }] });
    const ids: unknown[] = [];
    for (let i = 0; i < 40; i++) ids.push((await h.track(link(i), 14, { key: 'k_ent' })).json.id);
    h.advance(14 * 24);
    const providers = new Set<string>();
    const gains: number[] = [];
    for (const id of ids) {
      const { snapshots } = await video(h, id, 'k_ent');
      expect(snapshots).toHaveLength(336);
      expectMonotonic(snapshots);
      providers.add(snapshots[0]!.provider);
      const first = Number(snapshots[0]!.views);
      const last = Number(snapshots.at(-1)!.views);
      expect(last).toBeGreaterThan(first);
      gains.push(last / first);
    }
    // both providers occur, and growth varies by orders of magnitude (several shapes)
    expect(providers).toEqual(new Set(['primary', 'fallback']));
    expect(Math.max(...gains) / Math.min(...gains)).toBeGreaterThan(100);
  });

  it.each<GrowthShape>(['viral', 'steady', 'late'])(
    'grows the %s shape as described, never decreasing',
    (shape) => {
      const profile = createProfile('seed', link(3), { shape });
      const video = createVideoTimeline(profile, { seed: 'seed', link: link(3), bornAt: T0 });
      const snapshots = Array.from({ length: 720 }, (_, i) => video.countsAt(T0 + i * HOUR));
      expectMonotonic(snapshots);
      const gained = (from: number, to: number) =>
        Number(snapshots[to]!.views) - Number(snapshots[from]!.views);
      if (shape === 'viral') expect(gained(0, 24)).toBeGreaterThan(gained(24, 719)); // most growth on day one
      if (shape === 'steady') {
        const week1 = gained(0, 168);
        expect(gained(168, 336)).toBeGreaterThan(week1 * 0.8); // near-linear
        expect(gained(168, 336)).toBeLessThan(week1 * 1.25);
      }
      if (shape === 'late') expect(gained(0, 12)).toBeLessThan(gained(0, 719) / 20); // slow start, big jump later
    },
  );

  it('keeps engagement below views and correlated with them', async () => {
    const h = harness();
    const { json } = await h.track(link(7), 7);
    h.advance(100);
    for (const s of (await video(h, json.id)).snapshots) {
      expect(BigInt(s.likes) < BigInt(s.views)).toBe(true);
      expect(BigInt(s.comments) < BigInt(s.likes)).toBe(true);
    }
  });

  it('returns identical earlier snapshots later', async () => {
    const h = harness();
    const { json } = await h.track(link(2), 7);
    h.advance(10);
    const early = (await video(h, json.id)).snapshots;
    h.advance(50);
    const later = (await video(h, json.id)).snapshots;
    expect(later.slice(0, early.length)).toEqual(early);
    expect(later.length).toBeGreaterThan(early.length);
  });

  it('is deterministic across engines with the same seed, and differs with another seed', async () => {
    async function run(seed: string) {
      const h = harness({ seed });
      const a = await h.track(link(1), 7);
      const b = await h.track(link(2), 7);
      h.advance(30);
      return [await video(h, a.json.id), await video(h, b.json.id)];
    }
    const one = await run('s1');
    expect(await run('s1')).toEqual(one);
    const other = await run('s2');
    expect(other[0]!.id).not.toBe(one[0]!.id);
    expect(other[0]!.snapshots.at(-1)!.views).not.toBe(one[0]!.snapshots.at(-1)!.views);
  });
});

describe('mock engine: fixtures and listing', () => {
  const demo = () =>
    harness({ keys: [{ key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 }], fixtures: true });

  it('gives the demo key a history: statuses and charges of the fixture videos', async () => {
    const h = demo();
    const { videos } = (await h.call('GET', '/api/v1/videos', { key: DEMO_API_KEY })).json as unknown as {
      videos: VideoSummary[];
    };
    const byId = Object.fromEntries(videos.map((v) => [v.id, v]));
    expect(byId[FIXTURE_IDS.viral]).toMatchObject({
      status: 'monitoring',
      duration_days: 7,
      cost_to_date: 1.095,
    });
    expect(byId[FIXTURE_IDS.steady]).toMatchObject({
      status: 'completed',
      duration_days: 3,
      cost_to_date: 1.08,
    });
    expect(byId[FIXTURE_IDS.lateBloomer]).toMatchObject({ status: 'monitoring', duration_days: 14 });
    expect(byId[FIXTURE_IDS.fallback]).toMatchObject({ status: 'stopped' });
    expect(byId[FIXTURE_IDS.mega]).toMatchObject({ status: 'monitoring' });
    expect(byId[FIXTURE_IDS.viral]!.latest_snapshot!.snapshot_time).toBe('2024-01-29T10:00:00Z');
    const usage = (await h.call('GET', '/api/v1/usage', { key: DEMO_API_KEY })).json;
    expect(usage).toMatchObject({ active_videos: 3, total_spent_usd: 5.1, balance_usd: 94.9 });
  });

  it('keeps views above 2^53 exact as strings on the mega fixture', async () => {
    const h = demo();
    const { snapshots } = await video(h, FIXTURE_IDS.mega, DEMO_API_KEY);
    const max = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    for (const s of snapshots) expect(BigInt(s.views) > max).toBe(true);
    expectMonotonic(snapshots);
    // the strings carry digits a double would lose
    expect(snapshots.some((s) => BigInt(Number(s.views)).toString() !== s.views)).toBe(true);
  });

  it('reports shares and saves as null from the fallback provider', async () => {
    const h = demo();
    const { snapshots } = await video(h, FIXTURE_IDS.fallback, DEMO_API_KEY);
    expect(snapshots.length).toBe(25); // stopped after 24 h
    for (const s of snapshots) expect(s).toMatchObject({ provider: 'fallback', shares: null, saves: null });
    const primary = await video(h, FIXTURE_IDS.viral, DEMO_API_KEY);
    expect(primary.snapshots[0]).toMatchObject({
      provider: 'primary',
      shares: expect.stringMatching(/^\d+$/),
    });
  });

  it('shows a late bloomer: slow first day, then a jump', async () => {
    const h = demo();
    const views = (await video(h, FIXTURE_IDS.lateBloomer, DEMO_API_KEY)).snapshots.map((s) =>
      Number(s.views),
    );
    const firstDay = views[12]! - views[0]!;
    const jump = views[40]! - views[20]!;
    expect(jump).toBeGreaterThan(firstDay * 10);
  });

  it('fixtures are the same in two engines with the same clock and seed', async () => {
    const make = () =>
      createMockApi({
        clock: () => T0 + 5 * HOUR,
        keys: [{ key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 }],
      });
    const fetchMega = async (api: ReturnType<typeof make>) =>
      (
        await api.handle(
          new Request(`http://x/api/v1/videos/${FIXTURE_IDS.mega}`, {
            headers: { 'X-API-Key': DEMO_API_KEY },
          }),
        )
      ).json();
    expect(await fetchMega(make())).toEqual(await fetchMega(make()));
  });

  it('lists newest first with latest_snapshot, and filters by platform', async () => {
    const h = harness();
    const a = await h.track(link(1), 7);
    h.advance(2);
    const b = await h.track(link(2), 7);
    const list = (await h.call('GET', '/api/v1/videos?platform=tiktok')).json.videos as VideoSummary[];
    expect(list.map((v) => v.id)).toEqual([b.json.id, a.json.id]);
    expect(list[1]!.latest_snapshot!.snapshot_time).toBe('2024-01-29T12:00:00Z');
    expect(list[1]).not.toHaveProperty('snapshots');
    expect((await h.call('GET', '/api/v1/videos')).json.videos).toHaveLength(2);
    expect((await h.call('GET', '/api/v1/videos?platform=youtube')).json.videos).toEqual([]);
  });
});

describe('mock engine: the same video tracked again (counts never drop)', () => {
  const keys = [
    { key: 'k_pro', plan: 'pro' as const, balance_usd: 100 },
    { key: 'k_other', plan: 'pro' as const, balance_usd: 100 },
    { key: 'k_third', plan: 'pro' as const, balance_usd: 100 },
  ];
  const byTime = (snapshots: Snapshot[]) =>
    [...snapshots].sort((a, b) => Date.parse(a.snapshot_time) - Date.parse(b.snapshot_time));
  const counts = ({ views, likes, comments, shares, saves }: Snapshot) => ({
    views,
    likes,
    comments,
    shares,
    saves,
  });

  it('continues from the earlier counts when the same key tracks the video again later', async () => {
    // Regression: a re-tracking restarted the seed+link series from hour 0 (e.g. 3529 → 666 views).
    const h = harness();
    const first = await h.track(link(1), 1);
    h.advance(30); // completed
    const second = await h.track(link(1), 1);
    h.advance(30);
    const before = (await video(h, first.json.id)).snapshots;
    const after = (await video(h, second.json.id)).snapshots;
    expect(after).toHaveLength(24);
    expect(BigInt(after[0]!.views) >= BigInt(before.at(-1)!.views)).toBe(true);
    expectMonotonic([...before, ...after]);
  });

  it('agrees across keys and overlapping trackings, at any offset from the hour', async () => {
    const h = harness({ keys });
    const a = await h.track(link(1), 7);
    h.advance(3);
    // the same video under another spelling of its link: same normalised link
    const b = await h.track(`tiktok.com/@creator1/video/${7300000000000000001n}?lang=en`, 7, {
      key: 'k_other',
    });
    expect(b.json.video_link).toBe(link(1));
    h.clocks.sim += 2 * HOUR + 20 * 60_000; // 15:20, between two snapshots of the others
    const c = await h.track(link(1), 7, { key: 'k_third' });
    h.advance(10);
    const sa = (await video(h, a.json.id)).snapshots;
    const sb = (await video(h, b.json.id, 'k_other')).snapshots;
    const sc = (await video(h, c.json.id, 'k_third')).snapshots;
    // same instant, same public counts
    expect(sb.map(counts)).toEqual(sa.slice(3).map(counts));
    expect(sc[0]!.snapshot_time).toBe('2024-01-29T15:20:00Z');
    expectMonotonic(byTime([...sa, ...sb, ...sc]));
    // between two whole hours the counts lie between theirs
    const [at15, at16] = [sa[5]!, sa[6]!];
    expect(BigInt(sc[0]!.views) >= BigInt(at15.views) && BigInt(sc[0]!.views) <= BigInt(at16.views)).toBe(
      true,
    );
  });

  it('is deterministic: the same requests at the same times give the same re-tracking numbers', async () => {
    async function run() {
      const h = harness({ keys });
      const ids = [(await h.track(link(4), 1)).json.id];
      h.advance(5.5);
      await h.call('POST', `/api/v1/videos/${ids[0]}/stop`);
      h.clocks.sim += 7 * 60_000;
      ids.push((await h.track(link(4), 2, { key: 'k_other' })).json.id);
      h.advance(40);
      return [await video(h, ids[0]), await video(h, ids[1], 'k_other')];
    }
    const one = await run();
    expect(await run()).toEqual(one);
    expectMonotonic(byTime([...one[0]!.snapshots, ...one[1]!.snapshots]));
  });

  it('continues a fixture video tracked by another key, keeping its traits (mega stays above 2^53)', async () => {
    const h = harness({
      keys: [{ key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 }, keys[0]!],
      fixtures: true,
    });
    for (const id of [FIXTURE_IDS.viral, FIXTURE_IDS.mega, FIXTURE_IDS.steady]) {
      const fixture = await video(h, id, DEMO_API_KEY);
      const again = await h.track(fixture.video_link, 1);
      expect(again.status).toBe(201);
      const snapshots = (await video(h, again.json.id)).snapshots; // snapshot 0, taken at creation
      if (fixture.status === 'monitoring') {
        // both read the video at the engine's hour: the same counts
        expect(counts(snapshots[0]!)).toEqual(counts(fixture.snapshots.at(-1)!));
      }
      expect(BigInt(snapshots[0]!.views) >= BigInt(fixture.snapshots.at(-1)!.views)).toBe(true);
      expect(snapshots[0]!.provider).toBe(fixture.snapshots[0]!.provider);
      expectMonotonic([...fixture.snapshots, ...snapshots]);
    }
    const mega = (await h.call('GET', '/api/v1/videos?platform=tiktok')).json.videos as VideoSummary[];
    const megaAgain = mega.find((v) => v.id !== FIXTURE_IDS.mega && v.video_link.includes('@megastar'));
    expect(BigInt(megaAgain!.latest_snapshot!.views) > 2n ** 53n).toBe(true);
  });

  it('stays monotonic when another key tracked a fixture link before the demo key was added', async () => {
    const h = harness({ fixtures: true });
    const early = await h.track('https://www.tiktok.com/@dancewave/video/7312000000000000001', 7);
    h.advance(5);
    h.api.addKey({ key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 });
    const fixture = await video(h, FIXTURE_IDS.viral, DEMO_API_KEY); // started 72 h ago, before the video's birth
    const mine = (await video(h, early.json.id)).snapshots;
    expect(fixture.snapshots.slice(-6).map(counts)).toEqual(mine.map(counts));
    expectMonotonic(byTime([...fixture.snapshots, ...mine]));
  });

  it('models a video as a timeline: non-decreasing at any resolution, base counts before its birth', () => {
    const profile = createProfile('seed', link(9), { shape: 'late', jumpHour: 10 });
    const timeline = createVideoTimeline(profile, { seed: 'seed', link: link(9), bornAt: T0 });
    const times = Array.from({ length: 2000 }, (_, i) => T0 - 2 * HOUR + i * 97_003); // odd steps, off the hour
    expectMonotonic(times.map((time) => timeline.countsAt(time)));
    expect(timeline.countsAt(T0 - 5 * HOUR)).toEqual(timeline.countsAt(T0));
    // reading out of order gives the same answers (the hourly cache is not order-dependent)
    const fresh = createVideoTimeline(profile, { seed: 'seed', link: link(9), bornAt: T0 });
    expect(fresh.countsAt(T0 + 40 * HOUR + 1)).toEqual(timeline.countsAt(T0 + 40 * HOUR + 1));
  });
});
