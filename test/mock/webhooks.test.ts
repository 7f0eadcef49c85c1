import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY, signWebhookPayload, verifyWebhookSignature } from '../../src/mock/index';
import { harness, link } from './harness';

const SECRET = 'whsec_test_secret';
const T = 1_706_522_400;

describe('webhook signatures', () => {
  it('signs as t=<seconds>,v1=<hex HMAC-SHA256 of "t.body"> under the whole secret', async () => {
    const header = await signWebhookPayload('{"a":1}', SECRET, T);
    expect(header).toMatch(/^t=1706522400,v1=[0-9a-f]{64}$/);
    // the same HMAC computed independently with Web Crypto
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${T}.{"a":1}`));
    const hex = Buffer.from(mac).toString('hex');
    expect(header).toBe(`t=${T},v1=${hex}`);
  });

  it('verifies a good signature and refuses tampering, a wrong secret, staleness and garbage', async () => {
    const body = '{"type":"snapshot.created"}';
    const header = await signWebhookPayload(body, SECRET, T);
    const now = T * 1000 + 10_000;
    expect(await verifyWebhookSignature(body, header, SECRET, { now })).toBe(true);
    expect(await verifyWebhookSignature(`${body} `, header, SECRET, { now })).toBe(false);
    expect(await verifyWebhookSignature(body, header, 'whsec_other', { now })).toBe(false);
    expect(await verifyWebhookSignature(body, header, SECRET, { now: now + 301_000 })).toBe(false);
    expect(
      await verifyWebhookSignature(body, header, SECRET, { now: now + 301_000, toleranceSeconds: 600 }),
    ).toBe(true);
    expect(await verifyWebhookSignature(body, header.replace(/t=\d+/, `t=${T + 1}`), SECRET, { now })).toBe(
      false,
    );
    expect(await verifyWebhookSignature(body, null, SECRET, { now })).toBe(false);
    expect(await verifyWebhookSignature(body, 'v1=abc', SECRET, { now })).toBe(false);
    expect(await verifyWebhookSignature(body, `${header},v1=${'0'.repeat(64)}`, SECRET, { now })).toBe(true);
  });

  it('returns false and never throws for an empty or non-string secret', async () => {
    // Regression: an empty secret reached importKey's guard and verify threw "A webhook secret is required."
    const body = '{"a":1}';
    const header = await signWebhookPayload(body, SECRET, T);
    const now = T * 1000;
    for (const secret of ['', undefined, null, 42, {}] as unknown[]) {
      await expect(verifyWebhookSignature(body, header, secret as string, { now })).resolves.toBe(false);
    }
  });

  it('returns false and never throws for a malformed header, t or hex, or a non-string body', async () => {
    const body = '{"a":1}';
    const header = await signWebhookPayload(body, SECRET, T);
    const hex = header.split('v1=')[1]!;
    const now = T * 1000;
    const headers: unknown[] = [
      '',
      'garbage',
      ',,,=,=',
      `t=${T}`, // no v1
      `v1=${hex}`, // no t
      `t=abc,v1=${hex}`,
      `t=,v1=${hex}`,
      `t=-1,v1=${hex}`,
      `t=1.5e9,v1=${hex}`,
      `t=${T},t=${T},v1=${hex}`, // repeated t
      `t=${T},v1=${hex.slice(1)}`, // 63 hex digits
      `t=${T},v1=${hex}0`, // 65
      `t=${T},v1=${'g'.repeat(64)}`,
      `t=${T},v1=${hex}`.repeat(500), // too long
      42,
      {},
    ];
    for (const h of headers) {
      await expect(verifyWebhookSignature(body, h as string, SECRET, { now })).resolves.toBe(false);
    }
    for (const raw of [new TextEncoder().encode(body), undefined, null, 1] as unknown[]) {
      await expect(verifyWebhookSignature(raw as string, header, SECRET, { now })).resolves.toBe(false);
    }
  });

  it('refuses a NaN or negative tolerance and a non-finite now instead of skipping the freshness check', async () => {
    // Regression: NaN compared false, so a NaN now or tolerance accepted a signature of any age.
    const body = '{"a":1}';
    const header = await signWebhookPayload(body, SECRET, T);
    const stale = T * 1000 + 10 * 86_400_000;
    for (const options of [
      { now: Number.NaN },
      { now: Number.POSITIVE_INFINITY },
      { now: stale, toleranceSeconds: Number.NaN },
      { now: T * 1000, toleranceSeconds: -1 },
    ]) {
      await expect(verifyWebhookSignature(body, header, SECRET, options)).resolves.toBe(false);
    }
    // an infinite tolerance is a deliberate "do not check freshness"
    await expect(
      verifyWebhookSignature(body, header, SECRET, {
        now: stale,
        toleranceSeconds: Number.POSITIVE_INFINITY,
      }),
    ).resolves.toBe(true);
  });
});

describe('mock engine: takeEvents', () => {
  it('reports each new snapshot once, then tracking.completed, oldest first', async () => {
    const h = harness();
    const { json } = await h.track(link(1), 1);
    const first = h.api.takeEvents();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      type: 'snapshot.created',
      created_at: '2024-01-29T10:00:00Z',
      data: { video_id: json.id, snapshot: { snapshot_time: '2024-01-29T10:00:00Z' } },
    });
    expect(first[0]!.id).toMatch(/^evt_[a-z0-9]{16}$/);
    expect(h.api.takeEvents()).toEqual([]);

    h.advance(30);
    const rest = h.api.takeEvents();
    expect(rest.filter((e) => e.type === 'snapshot.created')).toHaveLength(23);
    expect(rest.at(-1)).toMatchObject({
      type: 'tracking.completed',
      created_at: '2024-01-30T10:00:00Z',
      data: { video_id: json.id, status: 'completed' },
    });
    const times = rest.map((e) => e.created_at);
    expect([...times].sort()).toEqual(times);
    h.advance(30);
    expect(h.api.takeEvents()).toEqual([]);
  });

  it('sends no completion for a stopped tracking, and does not replay fixture history', async () => {
    const h = harness({ keys: [{ key: DEMO_API_KEY, plan: 'pro', balance_usd: 100 }], fixtures: true });
    expect(h.api.takeEvents()).toEqual([]);
    h.advance(1);
    // the three monitoring fixtures each take one snapshot
    expect(h.api.takeEvents().map((e) => e.type)).toEqual([
      'snapshot.created',
      'snapshot.created',
      'snapshot.created',
    ]);
    const { json } = await h.track(link(1), 1, { key: DEMO_API_KEY });
    await h.call('POST', `/api/v1/videos/${json.id}/stop`, { key: DEMO_API_KEY });
    h.advance(48);
    const events = h.api.takeEvents().filter((e) => e.data.video_id === json.id);
    expect(events.map((e) => e.type)).toEqual(['snapshot.created']);
  });
});
