// Checked by `npm run typecheck` (tsc): the element, event and JSX declarations of contentstats-kit/embed.
import { expectTypeOf } from 'vitest';
import type {
  ContentStatsChartElement,
  ContentStatsErrorDetail,
  ContentStatsLoadDetail,
  ContentStatsTrackedDetail,
  ContentStatsVideosElement,
} from '../../src/embed/module';

expectTypeOf(document.createElement('contentstats-chart')).toEqualTypeOf<ContentStatsChartElement>();
expectTypeOf(document.querySelector('contentstats-videos')).toEqualTypeOf<ContentStatsVideosElement | null>();

const chart = document.createElement('contentstats-chart');
chart.theme = { base: 'dark', color: { accent: '#7c3aed' } };
chart.labels = { views: 'Plays' };
// @ts-expect-error not a theme name
chart.theme = 'sepia';

chart.addEventListener('contentstats:load', (event) => {
  expectTypeOf(event.detail).toEqualTypeOf<ContentStatsLoadDetail>();
});
document.addEventListener('contentstats:error', (event) => {
  expectTypeOf(event.detail).toEqualTypeOf<ContentStatsErrorDetail>();
  expectTypeOf(event.detail.source).toEqualTypeOf<'api' | 'config' | 'scope' | 'render'>();
});
document.addEventListener('contentstats:tracked', (event) => {
  expectTypeOf(event.detail.video.id).toEqualTypeOf<string>();
  expectTypeOf(event.detail).toEqualTypeOf<ContentStatsTrackedDetail>();
});

export const page = (
  <>
    <contentstats-config proxy-url="/api/contentstats" token-url="/api/contentstats-token" theme="auto" />
    <contentstats-chart
      video-id="cm5abc123"
      metrics="views,likes"
      mode="per-hour"
      scale="log"
      align="since-start"
    />
    <contentstats-table video-id="cm5abc123" theme={{ color: { surface: '#fff' } }} />
    <contentstats-summary video-id="cm5abc123" labels={{ summaryTitle: 'So far' }} />
    <contentstats-tracker link="https://www.tiktok.com/@user/video/1" />
    <contentstats-usage low-balance={5} />
    <contentstats-videos platform="tiktok" />
    {/* @ts-expect-error not a chart mode */}
    <contentstats-chart video-id="cm5abc123" mode="sideways" />
  </>
);
