import type { Meta, StoryObj } from '@storybook/react-vite';
import { SnapshotChart, SnapshotChartView, seriesFromPoints } from '../src/components/index.js';
import { FIXTURE_IDS } from '../src/mock/constants.js';
import { brandTheme } from './support/brandTheme.js';
import { storyPoints, storyVideoSeries } from './support/data.js';
import { type StoryErrorKind, useStoryError } from './support/errors.js';
import { untilState } from './support/play.js';

const viral = storyPoints({ hours: 72, seed: 3 });
const metricsSeries = (['views', 'likes', 'comments', 'shares'] as const).map((metric) =>
  seriesFromPoints(viral, metric, { id: metric, label: metric[0]!.toUpperCase() + metric.slice(1) }),
);

const meta = {
  title: 'Components/SnapshotChart',
  component: SnapshotChartView,
  subcomponents: { SnapshotChart },
  args: { series: metricsSeries, title: 'Views, Likes, Comments, Shares' },
  // exact counts are bigints, which the controls panel cannot edit or serialise
  argTypes: { series: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          '`SnapshotChart` reads snapshots through `<ContentStatsProvider>`; `SnapshotChartView` draws any series you give it. Stories marked *from the local API* are fed by the local API engine through MSW.',
      },
    },
  },
} satisfies Meta<typeof SnapshotChartView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The pure view with the story's sample data: the starting point for the controls. */
export const Default: Story = {};

/** Several metrics of one fixture video, from the local API. */
export const FromApi: Story = {
  render: () => <SnapshotChart videoId={FIXTURE_IDS.viral} />,
  play: ({ canvasElement }) => untilState(canvasElement, 'ready'),
};

/** Views of every fixture video, aligned by hours since tracking began, from the local API. */
export const VideosSinceStart: Story = {
  render: () => (
    <SnapshotChart
      videoIds={[FIXTURE_IDS.viral, FIXTURE_IDS.steady, FIXTURE_IDS.lateBloomer, FIXTURE_IDS.fallback]}
      metric="views"
      align="sinceStart"
    />
  ),
  play: ({ canvasElement }) => untilState(canvasElement, 'ready'),
};

/** Views above 2^53 (fixture `cm5fixmega01`): the tooltip and table stay exact. */
export const HugeCounts: Story = {
  render: () => <SnapshotChart videoId={FIXTURE_IDS.mega} metrics={['views']} />,
  play: ({ canvasElement }) => untilState(canvasElement, 'ready'),
};

/** A video id the local API does not know: its real 404 through the client. */
export const NotFoundFromApi: Story = {
  render: () => <SnapshotChart videoId="cm5unknown00" />,
  play: ({ canvasElement }) => untilState(canvasElement, 'error'),
};

/** The same data as per-hour change on a log scale. */
export const PerHourLog: Story = { args: { mode: 'perHour', scale: 'log' } };

/** Twenty videos × 90 days of hourly points, downsampled to the pixel width. */
export const LongSeries: Story = {
  // heavy: in the sidebar and the tests, not on the docs page
  tags: ['!autodocs'],
  args: { series: storyVideoSeries(20, 90 * 24), title: 'Views', align: 'sinceStart' },
};

/** A customer's brand theme on the component itself. */
export const BrandTheme: Story = { args: { theme: brandTheme } };

/** Arabic (Egypt), right to left: the time axis keeps running left to right, as charts do. */
export const RightToLeft: Story = { globals: { locale: 'ar-EG' } };

/** Narrow container (320 px). */
export const Narrow: Story = {
  decorators: [(Story) => <div style={{ maxWidth: 320 }}>{Story()}</div>],
};

export const Loading: Story = { args: { status: 'pending', series: [] } };

export const Empty: Story = { args: { series: [] } };

function ErrorChart({ kind }: { kind: StoryErrorKind }) {
  const error = useStoryError(kind);
  return <SnapshotChartView title="Views" series={[]} status="error" error={error} onRetry={() => {}} />;
}
const errorStory = (kind: StoryErrorKind): Story => ({ render: () => <ErrorChart kind={kind} /> });

export const ErrorUnauthorized = errorStory('unauthorized');
export const ErrorForbidden = errorStory('forbidden');
export const ErrorInsufficientBalance = errorStory('insufficient_balance');
export const ErrorNotFound = errorStory('not_found');
export const ErrorRateLimited = errorStory('rate_limited');
export const ErrorNetwork = errorStory('network');
export const ErrorInvalidResponse = errorStory('invalid_response');
