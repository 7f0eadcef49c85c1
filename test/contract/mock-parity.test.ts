import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_IDS } from '../../src/mock/constants';
import { createMockApi } from '../../src/mock/engine';
import { createHandlers } from '../../src/mock/msw';
import { type MockServer, startMockServer } from '../../src/mock/server';

// Same engine options on both sides: the HTTP server and the MSW handlers must answer alike.
const T = Date.parse('2026-05-01T09:30:00Z');
const options = {
  seed: 'parity',
  clock: () => T,
  wallClock: () => T,
  keys: [
    { key: 'cs_demo_key', plan: 'pro' as const, balance_usd: 100 },
    { key: 'k_free', plan: 'free' as const, balance_usd: 1 },
  ],
};
const MSW_BASE = 'http://mock.test';

let http: MockServer;
const msw = setupServer(...createHandlers(createMockApi(options), { baseUrl: MSW_BASE }));

beforeAll(async () => {
  http = await startMockServer({ api: createMockApi(options) });
  msw.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  msw.close();
  await http.close();
});

type Step = {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  key?: string;
  body?: string;
  headers?: Record<string, string>;
};

const steps: Step[] = [
  { name: 'list', method: 'GET', path: '/api/v1/videos?platform=tiktok', key: 'cs_demo_key' },
  { name: 'fixture', method: 'GET', path: `/api/v1/videos/${FIXTURE_IDS.viral}`, key: 'cs_demo_key' },
  { name: 'mega', method: 'GET', path: `/api/v1/videos/${FIXTURE_IDS.mega}`, key: 'cs_demo_key' },
  {
    name: 'track',
    method: 'POST',
    path: '/api/v1/videos/track',
    key: 'cs_demo_key',
    body: JSON.stringify({ video_link: 'https://www.tiktok.com/@parity/video/1', duration_days: 7 }),
    headers: { 'Idempotency-Key': 'parity-1' },
  },
  {
    name: 'track replay',
    method: 'POST',
    path: '/api/v1/videos/track',
    key: 'cs_demo_key',
    body: JSON.stringify({ video_link: 'https://www.tiktok.com/@parity/video/1', duration_days: 7 }),
    headers: { 'Idempotency-Key': 'parity-1' },
  },
  {
    name: 'track duplicate',
    method: 'POST',
    path: '/api/v1/videos/track',
    key: 'cs_demo_key',
    body: JSON.stringify({ video_link: 'https://www.tiktok.com/@parity/video/1', duration_days: 7 }),
  },
  {
    name: 'track private',
    method: 'POST',
    path: '/api/v1/videos/track',
    key: 'cs_demo_key',
    body: JSON.stringify({ video_link: 'https://www.tiktok.com/@private/video/1', duration_days: 7 }),
  },
  {
    name: 'track bad link',
    method: 'POST',
    path: '/api/v1/videos/track',
    key: 'cs_demo_key',
    body: JSON.stringify({ video_link: 'https://tiktok.com.evil.io/@a/video/1', duration_days: 7 }),
  },
  { name: 'track bad json', method: 'POST', path: '/api/v1/videos/track', key: 'cs_demo_key', body: '{nope' },
  {
    name: 'track poor',
    method: 'POST',
    path: '/api/v1/videos/track',
    key: 'k_free',
    body: JSON.stringify({ video_link: 'https://www.tiktok.com/@a/video/1', duration_days: 7 }),
  },
  {
    name: 'track other spelling',
    method: 'POST',
    path: '/api/v1/videos/track',
    key: 'cs_demo_key',
    body: JSON.stringify({ video_link: 'https://m.tiktok.com/@Parity/video/1', duration_days: 7 }),
  },
  { name: 'stop', method: 'POST', path: `/api/v1/videos/${FIXTURE_IDS.viral}/stop`, key: 'cs_demo_key' },
  { name: 'stopped', method: 'GET', path: `/api/v1/videos/${FIXTURE_IDS.viral}`, key: 'cs_demo_key' },
  { name: 'usage', method: 'GET', path: '/api/v1/usage', key: 'cs_demo_key' },
  { name: 'unknown id', method: 'GET', path: '/api/v1/videos/cm5nothere', key: 'cs_demo_key' },
  { name: 'no key', method: 'GET', path: '/api/v1/usage' },
  { name: 'bad key', method: 'GET', path: '/api/v1/usage', key: 'nope' },
  { name: 'unknown route', method: 'GET', path: '/api/v1/secrets', key: 'cs_demo_key' },
  { name: 'wrong method', method: 'POST', path: '/api/v1/usage', key: 'cs_demo_key' },
];

async function run(base: string, step: Step) {
  const response = await fetch(base + step.path, {
    method: step.method,
    headers: {
      ...(step.key ? { 'X-API-Key': step.key } : {}),
      ...(step.body ? { 'Content-Type': 'application/json' } : {}),
      ...step.headers,
    },
    ...(step.body ? { body: step.body } : {}),
  });
  const headers: Record<string, string | null> = {};
  for (const name of [
    'x-ratelimit-limit',
    'x-ratelimit-remaining',
    'x-ratelimit-reset',
    'retry-after',
    'idempotent-replayed',
    'allow',
    'cache-control',
    'date',
  ]) {
    headers[name] = response.headers.get(name);
  }
  return { status: response.status, headers, body: (await response.json()) as unknown };
}

describe('the local API behaves the same over HTTP and through MSW', () => {
  it('answers every step of a session identically', async () => {
    const statuses: Record<string, number> = {};
    const cacheControl: Record<string, string | null | undefined> = {};
    for (const step of steps) {
      const overHttp = await run(http.url, step);
      const overMsw = await run(MSW_BASE, step);
      expect(overMsw, step.name).toEqual(overHttp);
      statuses[step.name] = overHttp.status;
      cacheControl[step.name] = overHttp.headers['cache-control'];
      // the engine's wall clock, not the server's own: both sides say the same time
      expect(overHttp.headers.date, step.name).toBe(new Date(T).toUTCString());
    }
    // 09:30 on the simulated clock at 1×: the next hourly snapshot of a running fixture is minutes away
    expect(cacheControl).toMatchObject({
      fixture: expect.stringMatching(/^max-age=\d+$/),
      list: expect.stringMatching(/^max-age=\d+$/),
      stopped: 'max-age=86400',
      'unknown id': 'no-store',
      'track duplicate': 'no-store',
      usage: 'no-store',
    });
    // and the session covered what it claims to
    expect(statuses).toMatchObject({
      list: 200,
      track: 201,
      'track replay': 201,
      'track duplicate': 409,
      'track other spelling': 409,
      'track private': 404,
      'track bad link': 400,
      'track bad json': 400,
      'track poor': 402,
      stop: 200,
      'unknown id': 404,
      'no key': 401,
      'bad key': 401,
      'unknown route': 404,
      'wrong method': 405,
    });
  });
});
