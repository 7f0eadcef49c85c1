import { useState } from 'react';
import { ContentStatsProvider, useSnapshots, useTrackVideo } from '../../src/react/index';

export function App() {
  return (
    <ContentStatsProvider baseUrl="/api/contentstats" tokenUrl="/api/contentstats-token">
      <TrackAndWatch />
    </ContentStatsProvider>
  );
}

export function TrackAndWatch() {
  const track = useTrackVideo();
  const [link, setLink] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        track.mutate({ video_link: link, duration_days: 7 });
      }}
    >
      <input aria-label="TikTok link" value={link} onChange={(e) => setLink(e.target.value)} />
      <button type="submit" disabled={track.isPending}>
        Track for 7 days (${track.estimateCost(7)})
      </button>
      {track.error && <p role="alert">{track.error.message}</p>}
      {track.data && <Snapshots id={track.data.id} />}
    </form>
  );
}

function Snapshots({ id }: { id: string }) {
  const { data, error, isPending } = useSnapshots(id);
  if (isPending) return <p>Loading…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <ul aria-label="Snapshots">
      {data.points.map((p) => (
        <li key={p.time}>
          {new Date(p.time).toLocaleString()}: {p.exact.views?.toLocaleString()} views
        </li>
      ))}
    </ul>
  );
}
