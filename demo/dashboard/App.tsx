import { useState } from 'react';
import {
  ContentStatsProvider,
  MetricSummary,
  SnapshotTable,
  themeClass,
  themeStyle,
  UsageMeter,
  useVideos,
  VideoList,
  VideoTracker,
} from '../../src/react/index.js';
import { Compare } from './Compare.js';
import { Header } from './Header.js';
import { TryErrors } from './TryErrors.js';
import { baseTheme, type DemoTheme, initialTheme, saveTheme, themeProp } from './themes.js';
import { useDemoInfo } from './useDemoInfo.js';

/**
 * The demo dashboard: one provider talking to the proxy on this origin (the API key stays on the
 * server; the browser gets short-lived tokens from /api/contentstats-token).
 */
export function App() {
  const [theme, setTheme] = useState<DemoTheme>(initialTheme);
  const info = useDemoInfo();
  const prop = themeProp(theme);
  return (
    <div
      className={`demo ${themeClass(baseTheme(theme))}`}
      style={typeof prop === 'string' ? undefined : themeStyle(prop)}
      data-theme={theme}
    >
      <ContentStatsProvider baseUrl="/api/contentstats" tokenUrl="/api/contentstats-token" theme={prop}>
        <Header
          info={info}
          theme={theme}
          onTheme={(next) => {
            setTheme(next);
            saveTheme(next);
          }}
        />
        <p className="demo-intro">
          Paste a TikTok link to track it and watch its hourly snapshots arrive. Everything below is a
          contentstats-kit React component; the API key stays on the demo server and this browser only holds
          short-lived tokens.
        </p>
        <Dashboard />
        <TryErrors info={info} theme={prop} />
        <footer className="demo-footer">
          <p>
            Built with <code>contentstats-kit</code>: <code>ContentStatsProvider</code>,{' '}
            <code>VideoTracker</code>, <code>UsageMeter</code>, <code>VideoList</code>,{' '}
            <code>SnapshotChart</code>, <code>MetricSummary</code> and <code>SnapshotTable</code>. The page's
            source is <code>demo/dashboard/</code>; the server is <code>demo/server.ts</code>.
          </p>
        </footer>
      </ContentStatsProvider>
    </div>
  );
}

function Dashboard() {
  const list = useVideos();
  const videos = list.data?.videos ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  // until the viewer picks one: the first running video, else the newest
  const selected = chosen ?? videos.find((v) => v.status === 'monitoring')?.id ?? videos[0]?.id ?? null;
  const selectedVideo = videos.find((v) => v.id === selected);
  return (
    <main className="demo-main" id="main">
      <div className="demo-content">
        <VideoTracker heading="Track a video" onTracked={(video) => setChosen(video.id)} />
        <Compare videos={videos} />
        <section className="demo-selected" aria-labelledby="selected-heading">
          <h2 id="selected-heading" className="demo-section-title">
            {selectedVideo ? (
              <>
                Selected video <span className="demo-muted">{handleOf(selectedVideo.video_link)}</span>
              </>
            ) : (
              'Selected video'
            )}
          </h2>
          {selected ? (
            <>
              <MetricSummary videoId={selected} headingLevel={3} />
              <SnapshotTable
                videoId={selected}
                headingLevel={3}
                metrics={['views', 'likes', 'comments', 'shares']}
                deltaMetrics={['views']}
                pageSizes={[10, 25, 50, 100]}
                defaultPageSize={10}
              />
            </>
          ) : (
            <p className="demo-hint">Track a video or pick one in the list to see its snapshots here.</p>
          )}
        </section>
      </div>
      <div className="demo-side">
        <UsageMeter heading="Your account" />
        <VideoList heading="Tracked videos" selectedId={selected} onSelect={setChosen} />
      </div>
    </main>
  );
}

/** `https://www.tiktok.com/@dancewave/video/73…01` → `@dancewave · …000001`; short links as they are. */
function handleOf(link: string): string {
  const match = /@([^/?#]+)\/video\/(\d+)/.exec(link);
  return match ? `@${match[1]} · …${match[2]?.slice(-6)}` : link.replace(/^https?:\/\//, '');
}
