import { describe, expect, it } from 'vitest';
import type { Freshness } from '../../src/client/freshness';
import type { Snapshot } from '../../src/client/types';
import {
  MIN_POLL_MS,
  nextFetchAt,
  refetchDelay,
  SNAPSHOT_GRACE_MS,
  SNAPSHOT_JITTER_MS,
  type VideoData,
  videoStaleTime,
} from '../../src/query/schedule';

const HOUR = 3_600_000;
// the API's clock and the viewer's clock on purpose far apart: the schedule reads only the latter
const API_T0 = Date.parse('2026-01-29T10:00:00Z');
const NOW = Date.parse('2031-06-01T08:00:00Z');

function snap(i: number): Snapshot {
  const t = new Date(API_T0 + i * HOUR).toISOString();
  return {
    id: `s${i}`,
    snapshot_id: `s${i}`,
    snapshot_time: t,
    views: '1',
    likes: '1',
    comments: '1',
    shares: null,
    saves: null,
    provider: 'p',
  };
}

function video(freshness: Freshness | undefined, status = 'monitoring'): VideoData {
  return {
    id: 'v1',
    video_link: 'https://www.tiktok.com/@u/video/1',
    platform: 'tiktok',
    status,
    created_at: new Date(API_T0).toISOString(),
    ends_at: new Date(API_T0 + 168 * HOUR).toISOString(),
    snapshots: [snap(0), snap(1), snap(2)],
    freshness,
  };
}

const fresh = (maxAgeMs: number, receivedAt = NOW): Freshness => ({
  receivedAt,
  expiresAt: receivedAt + maxAgeMs,
  source: 'max-age',
});

describe('refetch schedule (server deadline, viewer clock)', () => {
  it('polls just after the deadline the server gave, whatever the snapshot times say', () => {
    const v = video(fresh(55 * 60_000));
    const delay = refetchDelay(v, { now: NOW, random: 0 }) as number;
    // grace and jitter are a small share of the 55-minute window
    expect(delay).toBeGreaterThanOrEqual(55 * 60_000);
    expect(delay).toBeLessThanOrEqual(55 * 60_000 + SNAPSHOT_GRACE_MS + SNAPSHOT_JITTER_MS);
    expect(refetchDelay(v, { now: NOW, random: 0.999 })).toBeGreaterThan(delay);
  });

  it('follows an accelerated API: a 3 s deadline is polled within a fraction of a second of it', () => {
    const v = video(fresh(3_000));
    for (const random of [0, 0.5, 0.999]) {
      const delay = refetchDelay(v, { now: NOW, random }) as number;
      expect(delay).toBeGreaterThanOrEqual(3_000);
      expect(delay).toBeLessThanOrEqual(3_150);
    }
  });

  it('stops polling once the tracking is completed or stopped', () => {
    expect(refetchDelay(video(fresh(1000), 'completed'))).toBe(false);
    expect(refetchDelay(video(undefined, 'stopped'))).toBe(false);
  });

  it('polls an overdue snapshot gently, once a minute, and does not push the poll back when recomputed', () => {
    const v = video({ receivedAt: NOW, expiresAt: NOW, source: 'max-age' });
    expect(refetchDelay(v, { now: NOW, random: 0 })).toBe(MIN_POLL_MS);
    expect(refetchDelay(v, { now: NOW + 40_000, random: 0 })).toBe(MIN_POLL_MS - 40_000);
  });

  it('backs off after failures, doubling from a minute', () => {
    const v = video(fresh(5_000));
    expect(refetchDelay(v, { now: NOW, fetchedAt: NOW, failures: 1, random: 0 })).toBe(MIN_POLL_MS);
    expect(refetchDelay(v, { now: NOW, fetchedAt: NOW, failures: 3, random: 0 })).toBe(4 * MIN_POLL_MS);
  });

  it('waits for the rate-limit reset when the budget is low', () => {
    const v = video(fresh(60_000));
    const resetAt = NOW + 10 * 60_000;
    const low = refetchDelay(v, { now: NOW, random: 0, rateLimit: { limit: 60, remaining: 2, resetAt } });
    expect(low).toBe(10 * 60_000);
    const fine = refetchDelay(v, { now: NOW, random: 0, rateLimit: { limit: 60, remaining: 50, resetAt } });
    expect(fine).toBeLessThan(2 * 60_000);
  });

  it('gives the same poll time whenever it is recomputed (jitter is stable per response)', () => {
    const v = video(fresh(55 * 60_000));
    const first = nextFetchAt(v, { now: NOW });
    expect(nextFetchAt(v, { now: NOW + 30 * 60_000 })).toBe(first);
  });

  it('keeps data fresh from the fetch until the deadline: a mount 40 minutes later makes no request', () => {
    const v = video(fresh(55 * 60_000));
    const staleTime = videoStaleTime(v, NOW);
    expect(staleTime).toBe(55 * 60_000);
    // query-core's rule: stale once dataUpdatedAt + staleTime has passed
    const mountedAt = NOW + 40 * 60_000;
    expect(NOW + staleTime > mountedAt).toBe(true);
    expect(videoStaleTime(video(fresh(1000), 'completed'), NOW)).toBe(Number.POSITIVE_INFINITY);
    expect(videoStaleTime(video(undefined), NOW)).toBe(0);
  });
});
