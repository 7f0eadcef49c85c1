import { describe, expect, it } from 'vitest';
import { harness, type Json } from './harness';

interface VideoJson {
  id: string;
  video_link: string;
  snapshots: { views: string; snapshot_time: string }[];
}

async function video(h: ReturnType<typeof harness>, id: unknown): Promise<VideoJson> {
  const res = await h.call('GET', `/api/v1/videos/${String(id)}`);
  expect(res.status).toBe(200);
  return res.json as unknown as VideoJson;
}

describe('mock engine: one tracking per video whatever the spelling of its link', () => {
  // regression: m./www. and the handle's case made a second tracking, charged twice
  it('answers 409 with the running tracking’s id for another spelling of the same video', async () => {
    const h = harness();
    const first = await h.track('https://m.tiktok.com/@User/video/1', 1);
    expect(first.status).toBe(201);
    expect(first.json.video_link).toBe('https://www.tiktok.com/@user/video/1');

    const again = await h.track('https://www.tiktok.com/@user/video/1', 1);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ id: first.json.id });
    const upper = await h.track('tiktok.com/@USER/video/1?lang=en', 1);
    expect(upper.status).toBe(409);

    const list = await h.call('GET', '/api/v1/videos');
    expect((list.json.videos as Json[]).map((v) => v.id)).toEqual([first.json.id]);
    expect(h.api.balance('k_pro')).toBe(100 - 0.015); // one snapshot 0, charged once
  });

  it('continues the same counts when another spelling tracks it again later', async () => {
    const h = harness();
    const first = await h.track('https://m.tiktok.com/@User/video/1', 1);
    h.advance(30); // completed
    const second = await h.track('https://www.tiktok.com/@user/video/1', 1);
    expect(second.status).toBe(201);
    h.advance(5);
    const before = (await video(h, first.json.id)).snapshots;
    const after = (await video(h, second.json.id)).snapshots;
    expect(BigInt(after[0]?.views ?? '0') >= BigInt(before.at(-1)?.views ?? 'x')).toBe(true);
  });

  it('keeps short links of different codes apart (codes are case-sensitive)', async () => {
    const h = harness();
    expect((await h.track('https://vm.tiktok.com/ZMabc123/', 1)).status).toBe(201);
    expect((await h.track('https://vm.tiktok.com/zmabc123/', 1)).status).toBe(201);
    expect((await h.track('VM.TIKTOK.COM/ZMabc123', 1)).status).toBe(409);
  });
});
