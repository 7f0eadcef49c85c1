import { describe, expectTypeOf, it } from 'vitest';
import type { ContentStatsError } from '../../src/client/errors';
import type { RateLimit, TrackedVideo, Usage, Video, VideoList } from '../../src/client/types';
import {
  type SnapshotsData,
  useSnapshots,
  useStopTracking,
  useTrackVideo,
  useUsage,
  useVideo,
  useVideos,
} from '../../src/react/index';

describe('public hook types', () => {
  it('useSnapshots gives SnapshotsData and a ContentStatsError', () => {
    const result = useSnapshots('id');
    expectTypeOf(result.data).toEqualTypeOf<SnapshotsData | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<ContentStatsError | null>();
    if (result.isSuccess) {
      expectTypeOf(result.data.points[0]?.exact.views).toEqualTypeOf<bigint | null | undefined>();
      expectTypeOf(result.data.nextSnapshotAt).toEqualTypeOf<number | null>();
    }
    // @ts-expect-error an id is a string
    useSnapshots(42);
  });

  it('useVideo, useVideos and useUsage carry the wire types plus rate limits', () => {
    expectTypeOf(useVideo('id').data).toMatchTypeOf<Video | undefined>();
    expectTypeOf(useVideos({ platform: 'tiktok' }).data).toMatchTypeOf<VideoList | undefined>();
    const usage = useUsage();
    expectTypeOf(usage.data).toMatchTypeOf<Usage | undefined>();
    expectTypeOf(usage.rateLimit).toEqualTypeOf<RateLimit | null>();
    expectTypeOf(usage.refetch).toBeFunction();
  });

  it('mutations take typed variables', () => {
    const track = useTrackVideo();
    expectTypeOf(track.mutate)
      .parameter(0)
      .toEqualTypeOf<
        { video_link: string; duration_days: number } & { idempotencyKey?: string | undefined }
      >();
    expectTypeOf(track.retry).toEqualTypeOf<() => void>();
    if (track.isError) expectTypeOf(track.error.outcome).toEqualTypeOf<'unknown' | 'not_applied'>();
    expectTypeOf(track.mutateAsync).returns.resolves.toMatchTypeOf<TrackedVideo>();
    expectTypeOf(track.estimateCost).returns.toEqualTypeOf<number | null>();
    // @ts-expect-error duration_days is required
    track.mutate({ video_link: 'x' });
    if (track.isSuccess) expectTypeOf(track.data.id).toBeString();
    if (track.isError) expectTypeOf(track.error.code).toBeString();
    const stop = useStopTracking();
    expectTypeOf(stop.mutate).parameter(0).toBeString();
    expectTypeOf(stop.error).toEqualTypeOf<ContentStatsError | null>();
  });
});
