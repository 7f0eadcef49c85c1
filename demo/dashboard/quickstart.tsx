import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  ContentStatsProvider,
  MetricSummary,
  SnapshotChart,
  SnapshotTable,
  UsageMeter,
  VideoList,
  VideoTracker,
} from '../../src/react/index.js';

function App() {
  const [videoId, setVideoId] = useState<string | null>(null);
  return (
    // the proxy and token endpoint from demo/server.ts: the API key stays on your server
    <ContentStatsProvider baseUrl="/api/contentstats" tokenUrl="/api/contentstats-token" theme="auto">
      <VideoTracker onTracked={(video) => setVideoId(video.id)} />
      <UsageMeter />
      <VideoList onSelect={setVideoId} />
      {videoId && (
        <>
          <MetricSummary videoId={videoId} />
          <SnapshotChart videoId={videoId} metrics={['views', 'likes']} />
          <SnapshotTable videoId={videoId} />
        </>
      )}
    </ContentStatsProvider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
