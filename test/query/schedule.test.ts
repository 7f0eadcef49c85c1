import { describe, expect, it } from 'vitest';
import type { Snapshot, Video } from '../../src/client/types';
import { MIN_POLL_MS, nextSnapshotAt, refetchDelay, videoStaleTime } from '../../src/query/schedule';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-29T10:00:00Z');

function snap(i: number): Snapshot {
  const t = new Date(T0 + i * HOUR).toISOString();
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

function video(count: number, status = 'monitoring'): Video {
  return {
    id: 'v1',
    video_link: 'https://www.tiktok.com/@u/video/1',
    platform: 'tiktok',
    status,
    created_at: new Date(T0).toISOString(),
    ends_at: new Date(T0 + 168 * HOUR).toISOString(),
    snapshots: Array.from({ length: count }, (_, i) => snap(i)),
  };
}

describe('refetch schedule', () => {
  it('waits until just after the next snapshot can exist, never a fast fixed interval', () => {
    const v = video(3); // last snapshot at T0 + 2 h, next at T0 + 3 h
    const now = T0 + 2 * HOUR + 5 * 60_000;
    const delay = refetchDelay(v, { now, random: 0 });
    expect(nextSnapshotAt(v)).toBe(T0 + 3 * HOUR);
    expect(delay).toBe(55 * 60_000 + 10_000);
    expect(refetchDelay(v, { now, random: 0.999 })).toBeLessThan(55 * 60_000 + 30_000 + 1);
  });

  it('stops polling once the tracking is completed or stopped', () => {
    expect(refetchDelay(video(5, 'completed'))).toBe(false);
    expect(refetchDelay(video(5, 'stopped'))).toBe(false);
    expect(nextSnapshotAt(video(5, 'stopped'))).toBeNull();
  });

  it('polls an overdue snapshot gently, at most once a minute', () => {
    const v = video(3);
    const now = T0 + 10 * HOUR;
    expect(refetchDelay(v, { now, fetchedAt: now, random: 0 })).toBe(MIN_POLL_MS);
    // recomputed 40 s later, the same poll time stands: it is not pushed back
    expect(refetchDelay(v, { now: now + 40_000, fetchedAt: now, random: 0 })).toBe(MIN_POLL_MS - 40_000);
  });

  it('waits for the rate-limit reset when the budget is low', () => {
    const v = video(3);
    const now = T0 + 2 * HOUR + 59 * 60_000; // next snapshot in 1 min
    const resetAt = now + 10 * 60_000;
    const low = refetchDelay(v, { now, random: 0, rateLimit: { limit: 60, remaining: 2, resetAt } });
    expect(low).toBe(10 * 60_000);
    const fine = refetchDelay(v, { now, random: 0, rateLimit: { limit: 60, remaining: 50, resetAt } });
    expect(fine).toBe(60_000 + 10_000);
  });

  it('gives the same poll time whenever it is recomputed (jitter is stable per snapshot)', () => {
    const v = video(3);
    const now = T0 + 2 * HOUR + 5 * 60_000;
    const first = refetchDelay(v, { now, fetchedAt: now }) as number;
    const later = refetchDelay(v, { now: now + 30 * 60_000, fetchedAt: now }) as number;
    expect(now + first).toBe(now + 30 * 60_000 + later);
    expect(first).toBeGreaterThanOrEqual(55 * 60_000 + 10_000);
    expect(first).toBeLessThan(55 * 60_000 + 30_000);
  });

  it('keeps fetched data fresh until the next snapshot, and finished videos forever', () => {
    const v = video(3);
    expect(videoStaleTime(v, T0 + 2 * HOUR)).toBe(HOUR + 10_000);
    expect(videoStaleTime(video(3, 'completed'))).toBe(Number.POSITIVE_INFINITY);
  });

  it('expects no snapshot after the tracking ends', () => {
    expect(nextSnapshotAt(video(168))).toBeNull();
  });
});
