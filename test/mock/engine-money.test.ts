import { describe, expect, it } from 'vitest';
import { harness, link } from './harness';

describe('mock engine: costs and balance', () => {
  it('quotes $2.52 for 7 days and charges the first snapshot at creation', async () => {
    const h = harness();
    const res = await h.track(link(1), 7);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ platform: 'tiktok', status: 'monitoring', estimated_cost: 2.52 });
    expect(res.json.id).toMatch(/^cm5[a-z0-9]{9}$/);
    expect(h.api.balance('k_pro')).toBe(99.985);
  });

  it('defaults duration_days to 7 when absent', async () => {
    const h = harness();
    const res = await h.track(link(1));
    expect(res.json).toMatchObject({ duration_days: 7, estimated_cost: 2.52 });
  });

  it('charges $0.015 per snapshot actually taken as hours pass, and stops at completion', async () => {
    const h = harness();
    const { json } = await h.track(link(1), 1);
    h.advance(10.5); // snapshots at 0..10 h
    let video = (await h.call('GET', `/api/v1/videos/${json.id}`)).json;
    expect(video.cost_to_date).toBe(0.165);
    expect(h.api.balance('k_pro')).toBe(99.835);
    h.advance(100);
    video = (await h.call('GET', `/api/v1/videos/${json.id}`)).json;
    expect(video.status).toBe('completed');
    expect(video.cost_to_date).toBe(0.36); // 24 snapshots, never more
    expect(h.api.balance('k_pro')).toBe(99.64);
  });

  it('is monitoring until created_at + duration, then completed', async () => {
    const h = harness();
    const { json } = await h.track(link(1), 1);
    h.advance(23.99);
    expect((await h.call('GET', `/api/v1/videos/${json.id}`)).json.status).toBe('monitoring');
    h.advance(0.01);
    const video = (await h.call('GET', `/api/v1/videos/${json.id}`)).json;
    expect(video.status).toBe('completed');
    expect(video.ends_at).toBe('2024-01-30T10:00:00Z');
    expect((video.snapshots as unknown[]).length).toBe(24);
  });

  it('stopping ends charging; unused snapshots are never charged; stopping again changes nothing', async () => {
    const h = harness();
    const { json } = await h.track(link(1), 7);
    h.advance(5.5);
    const stopped = await h.call('POST', `/api/v1/videos/${json.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.json).toMatchObject({
      status: 'stopped',
      stopped_at: '2024-01-29T15:30:00Z',
      cost_to_date: 0.09,
    });
    h.advance(48);
    const again = await h.call('POST', `/api/v1/videos/${json.id}/stop`);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(stopped.json);
    expect(h.api.balance('k_pro')).toBe(99.91);
    const usage = (await h.call('GET', '/api/v1/usage')).json;
    expect(usage).toMatchObject({
      balance_usd: 99.91,
      available_usd: 99.91,
      active_videos: 0,
      total_spent_usd: 0.09,
    });
  });

  it('stopping a completed video is a no-op 200', async () => {
    const h = harness();
    const { json } = await h.track(link(1), 1);
    h.advance(30);
    const res = await h.call('POST', `/api/v1/videos/${json.id}/stop`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'completed', stopped_at: null, cost_to_date: 0.36 });
  });

  it('reserves the remaining cost of running trackings in available_usd', async () => {
    const h = harness({ keys: [{ key: 'k_pro', plan: 'pro', balance_usd: 10 }] });
    await h.track(link(1), 7);
    const usage = (await h.call('GET', '/api/v1/usage')).json;
    expect(usage.balance_usd).toBe(9.985);
    expect(usage.available_usd).toBe(7.48); // 10 − 2.52
  });

  it('answers 402 with balance and required when available_usd cannot cover the tracking', async () => {
    const h = harness({ keys: [{ key: 'k_pro', plan: 'pro', balance_usd: 3.72 }] });
    expect((await h.track(link(1), 7)).status).toBe(201); // reserves 2.52, 1.20 left
    const res = await h.track(link(2), 7);
    expect(res.status).toBe(402);
    expect(res.json).toEqual({
      error: 'Insufficient balance: $1.20 available, $2.52 needed',
      balance: 1.2,
      balance_usd: 3.705,
      required: 2.52,
    });
    expect(h.api.balance('k_pro')).toBe(3.705); // the refusal cost nothing
    // a shorter tracking that fits is still accepted
    expect((await h.track(link(3), 3)).status).toBe(201);
  });

  it('frees the reservation when a tracking is stopped', async () => {
    const h = harness({ keys: [{ key: 'k_pro', plan: 'pro', balance_usd: 3 }] });
    const first = await h.track(link(1), 7);
    expect((await h.track(link(2), 7)).status).toBe(402);
    await h.call('POST', `/api/v1/videos/${first.json.id}/stop`);
    expect((await h.track(link(2), 7)).status).toBe(201);
  });

  it('reports usage fields for each plan', async () => {
    const h = harness({
      keys: [
        { key: 'k_free', plan: 'free', balance_usd: 5 },
        { key: 'k_ent', plan: 'enterprise', balance_usd: 1000 },
      ],
    });
    await h.track(link(1), 2, { key: 'k_free' });
    expect((await h.call('GET', '/api/v1/usage', { key: 'k_free' })).json).toEqual({
      balance_usd: 4.985,
      available_usd: 4.28,
      plan: 'free',
      rate_limit_per_minute: 60,
      concurrent_videos_limit: 10,
      active_videos: 1,
      total_spent_usd: 0.015,
    });
    expect((await h.call('GET', '/api/v1/usage', { key: 'k_ent' })).json).toMatchObject({
      plan: 'enterprise',
      rate_limit_per_minute: 1200,
      concurrent_videos_limit: null,
      active_videos: 0,
    });
  });

  it('rounds a starting balance down to the mill, so a balance just short of a tracking cannot fund it', async () => {
    // Regression: 2.5195 was rounded up to 2.520, accepted a $2.52 tracking and could end $0.0005 below zero.
    const h = harness({ keys: [{ key: 'k_pro', plan: 'pro', balance_usd: 2.5195 }] });
    expect(h.api.balance('k_pro')).toBe(2.519);
    expect((await h.track(link(1), 7)).status).toBe(402);
    const exact = harness({ keys: [{ key: 'k_pro', plan: 'pro', balance_usd: 2.52 }] });
    expect((await exact.track(link(1), 7)).status).toBe(201);
    exact.advance(7 * 24);
    expect((await exact.call('GET', '/api/v1/usage')).json).toMatchObject({
      balance_usd: 0,
      available_usd: 0,
    });
  });

  it('refuses a starting balance above $1e12, where thousandths of a dollar stop being exact', () => {
    // Regression: at $1e13 one snapshot showed 9999999999999.984 instead of …985.
    const h = harness();
    expect(() => h.api.addKey({ key: 'rich', plan: 'pro', balance_usd: 1e13 })).toThrow(RangeError);
    h.api.addKey({ key: 'ok', plan: 'pro', balance_usd: 1e12 });
    expect(h.api.balance('ok')).toBe(1e12);
  });

  it('reports every amount as exact thousandths (no float noise), with balance and available never below 0', async () => {
    const balances = [87.385, 0.1 + 0.2, 4.35, 1.005, 5, 999_999_999_999.999, 1e12];
    const bad: string[] = [];
    for (const balance_usd of balances) {
      const h = harness({ keys: [{ key: 'k_pro', plan: 'pro', balance_usd }] });
      const ids: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await h.track(link(i), 1 + i);
        if (res.status === 201) ids.push(res.json.id);
        h.advance(1.37 + i);
        if (i % 2 === 1 && ids.length > 0) await h.call('POST', `/api/v1/videos/${ids.shift()}/stop`);
        const usage = (await h.call('GET', '/api/v1/usage')).json;
        for (const field of ['balance_usd', 'available_usd', 'total_spent_usd'] as const) {
          const value = usage[field] as number;
          if (!/^\d+(\.\d{1,3})?$/.test(JSON.stringify(value)) || value < 0) {
            bad.push(`${balance_usd}: ${field} = ${value}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
