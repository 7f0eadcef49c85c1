import { type ReactNode, useState } from 'react';
import { createClient } from '../../src/index.js';
import {
  ContentStatsProvider,
  MetricSummary,
  type ThemeProp,
  UsageMeter,
  useVideos,
  VideoTracker,
} from '../../src/react/index.js';
import type { DemoInfo } from '../site.js';

/**
 * Every error state, each one click away. Each example runs against a real endpoint of the demo
 * server (see demo/site.ts), nothing is faked in the browser:
 * - 404: the local API's documented not-found links (`@private`, `@deleted`, `vm.tiktok.com/notfound/`);
 * - 402: a second proxy mount holding a local key with $0.20;
 * - 429: a proxy mount that allows one request per 30 s (the client's own retries turned off);
 * - 401: a token signed with another secret than the proxy's;
 * - 403: the marketing page's read-only token used to track.
 */
export function TryErrors(props: { info: DemoInfo | null; theme: ThemeProp }) {
  // each example has its own provider (its own proxy mount or token): it takes the page's theme too
  const { theme } = props;
  const local = props.info?.mode !== 'real';
  // the first three listed videos (the fixtures with the local API, your own with the real one)
  const listed = useVideos().data?.videos.slice(0, 3) ?? [];
  return (
    <section className="demo-errors" aria-labelledby="errors-heading">
      <h2 id="errors-heading" className="demo-section-title">
        Try an error
      </h2>
      <p className="demo-muted">
        Every failure has its own message and a way out. Each example below uses a real endpoint of this
        demo's server.
      </p>
      <div className="demo-error-grid">
        <Example
          id="404"
          title="Video not found (404)"
          text="A private or deleted video. The local API answers 404 for the handles @private and @deleted and the short links vm.tiktok.com/private/ and /notfound/. Press Start tracking: nothing is charged."
        >
          <VideoTracker
            heading={null}
            defaultLink="https://www.tiktok.com/@private/video/7100000000000000404"
          />
        </Example>
        <Example
          id="402"
          title="Balance too low (402)"
          text={
            local
              ? 'A second proxy mount holds a local key with $0.20: a 7-day tracking costs $2.52.'
              : 'Needs the local API (its second key with $0.20): run the demo without CONTENTSTATS_API_KEY.'
          }
        >
          {local && (
            <ContentStatsProvider baseUrl="/api/demo-poor" tokenUrl="/api/demo-poor-token" theme={theme}>
              <VideoTracker
                heading={null}
                defaultLink="https://www.tiktok.com/@demo/video/7100000000000000402"
              />
            </ContentStatsProvider>
          )}
        </Example>
        <Example
          id="429"
          title="Too many requests (429)"
          text="Your first three videos through a proxy mount that lets each visitor make one request per 30 seconds: the others wait, with a countdown."
          lazy
        >
          <LimitedProvider theme={theme}>
            <div className="demo-stack">
              {listed.map((video) => (
                <MetricSummary
                  key={video.id}
                  videoId={video.id}
                  heading={handleOf(video.video_link)}
                  headingLevel={4}
                />
              ))}
            </div>
          </LimitedProvider>
        </Example>
        <Example
          id="401"
          title="Signed out (401)"
          text="A token signed with another secret than the proxy's, as after a secret rotation or an expired session."
          lazy
        >
          <ContentStatsProvider baseUrl="/api/contentstats" tokenUrl="/api/demo-bad-token" theme={theme}>
            {/* usage, not a video: the browser may answer a video read from its HTTP cache (max-age) without asking */}
            <UsageMeter heading={null} />
          </ContentStatsProvider>
        </Example>
        <Example
          id="403"
          title="Not allowed (403)"
          text="The marketing page's read-only token cannot track (nor read the balance). Press Start tracking."
          lazy
        >
          <ContentStatsProvider baseUrl="/api/contentstats" tokenUrl="/api/embed-token" theme={theme}>
            <VideoTracker
              heading={null}
              defaultLink="https://www.tiktok.com/@demo/video/7100000000000000403"
            />
          </ContentStatsProvider>
        </Example>
      </div>
    </section>
  );
}

/** A card; `lazy` examples make their requests only when asked, so they do not fire on page load. */
function Example(props: { id: string; title: string; text: string; lazy?: boolean; children: ReactNode }) {
  const [shown, setShown] = useState(!props.lazy);
  return (
    <article className="demo-error-card" data-example={props.id} aria-labelledby={`example-${props.id}`}>
      <h3 id={`example-${props.id}`}>{props.title}</h3>
      <p className="demo-muted">{props.text}</p>
      {shown ? (
        props.children
      ) : (
        <button type="button" className="demo-button" onClick={() => setShown(true)}>
          Show it
        </button>
      )}
    </article>
  );
}

/** Its own client without retries: the client would otherwise wait out `Retry-After` (up to 60 s) first. */
function LimitedProvider(props: { theme: ThemeProp; children: ReactNode }) {
  const [client] = useState(() =>
    createClient({ baseUrl: '/api/demo-limited', tokenUrl: '/api/contentstats-token', retry: false }),
  );
  return (
    <ContentStatsProvider client={client} theme={props.theme}>
      {props.children}
    </ContentStatsProvider>
  );
}

/** `https://www.tiktok.com/@dancewave/video/73…01` → `@dancewave`; short links without the scheme. */
function handleOf(link: string): string {
  const match = /@([^/?#]+)\/video\//.exec(link);
  return match ? `@${match[1]}` : link.replace(/^https?:\/\//, '');
}
