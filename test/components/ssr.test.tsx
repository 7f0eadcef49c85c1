import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { MetricSummaryView } from '../../src/components/MetricSummary';
import { SnapshotTableView } from '../../src/components/SnapshotTable';
import { UsageMeterView } from '../../src/components/UsageMeter';
import { VideoListView } from '../../src/components/VideoList';
import { VideoTrackerView } from '../../src/components/VideoTracker';
import { makePoints } from './fixtures';

// server rendering (Next.js, Remix): no window, no document, no navigator.onLine
describe('views render on the server', () => {
  it('renders every view to HTML without errors or warnings', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const points = makePoints(30);
    const html = renderToString(
      <>
        <VideoTrackerView onSubmit={() => {}} balance={10} />
        <SnapshotTableView points={points} />
        <MetricSummaryView points={points} nextSnapshotAt={null} />
        <UsageMeterView
          usage={{ balance_usd: 3, plan: 'free', active_videos: 1, concurrent_videos_limit: 10 }}
        />
        <VideoListView
          videos={[
            {
              id: 'cm5video0001',
              video_link: 'https://www.tiktok.com/@a/video/1',
              platform: 'tiktok',
              status: 'monitoring',
            },
          ]}
          onStop={() => {}}
        />
      </>,
    );
    expect(error).not.toHaveBeenCalled();
    expect(html).toContain('data-state="ready"');
    expect(html).toContain('Tracking finished');
    error.mockRestore();
  });
});
