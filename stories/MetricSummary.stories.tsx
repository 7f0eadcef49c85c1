import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { MetricSummary, MetricSummaryView } from '../src/components/index.js';
import { FIXTURE_IDS } from '../src/mock/constants.js';
import { brandTheme } from './support/brandTheme.js';
import { storyPoints } from './support/data.js';
import { type StoryErrorKind, useStoryError } from './support/errors.js';
import { untilState } from './support/play.js';

/** "Next snapshot in 42 min", computed when the story mounts (a countdown on the viewer's clock). */
function WithCountdown(props: Omit<Parameters<typeof MetricSummaryView>[0], 'nextSnapshotAt'>) {
  const [next] = useState(() => Date.now() + 42 * 60_000);
  return <MetricSummaryView {...props} nextSnapshotAt={next} />;
}

const meta = {
  title: 'Components/MetricSummary',
  component: MetricSummaryView,
  subcomponents: { MetricSummary },
  args: { points: storyPoints({ hours: 72, seed: 9 }) },
  // exact counts are bigints, which the controls panel cannot edit or serialise
  argTypes: { points: { control: false } },
  render: (args) => <WithCountdown {...args} />,
  parameters: {
    docs: {
      description: {
        component:
          'KPI cards: latest total, change over the last 24 hours, engagement rate, each with a sparkline, and when the next snapshot comes. `MetricSummary` reads `useSnapshots(videoId)`.',
      },
    },
  },
} satisfies Meta<typeof MetricSummaryView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The pure view with the story's sample data: the starting point for the controls. */
export const Default: Story = {};

/** Connected, from the local API (fixture video `cm5fixviral1`). */
export const FromApi: Story = {
  render: () => <MetricSummary videoId={FIXTURE_IDS.viral} />,
  play: ({ canvasElement }) => untilState(canvasElement, 'ready'),
};

/** Views above 2^53 (fixture `cm5fixmega01`). */
export const HugeCounts: Story = {
  render: () => <MetricSummary videoId={FIXTURE_IDS.mega} />,
  play: ({ canvasElement }) => untilState(canvasElement, 'ready'),
};

/** A finished tracking: no more snapshots. */
export const Finished: Story = { render: (args) => <MetricSummaryView {...args} nextSnapshotAt={null} /> };

/** 90 days of hourly points. */
export const LongSeries: Story = {
  // heavy: in the sidebar and the tests, not on the docs page
  tags: ['!autodocs'],
  args: { points: storyPoints({ hours: 90 * 24, finalViews: 48_000_000, halfLife: 300 }) },
};

/** Only one snapshot so far: no 24-hour change yet. */
export const FirstSnapshot: Story = { args: { points: storyPoints({ hours: 1 }) } };

/** Arabic (Egypt), right to left: digits, percent and direction from the locale. */
export const RightToLeft: Story = { globals: { locale: 'ar-EG' } };

/** German number and date formats. */
export const German: Story = { globals: { locale: 'de-DE' } };

export const Narrow: Story = { decorators: [(Story) => <div style={{ maxWidth: 320 }}>{Story()}</div>] };

export const BrandTheme: Story = { args: { theme: brandTheme } };

export const Loading: Story = { args: { points: undefined, status: 'pending' } };

export const Empty: Story = { args: { points: [] } };

function ErrorSummary({ kind }: { kind: StoryErrorKind }) {
  const error = useStoryError(kind);
  return <MetricSummaryView status="error" error={error} onRetry={() => {}} />;
}
const errorStory = (kind: StoryErrorKind): Story => ({ render: () => <ErrorSummary kind={kind} /> });

export const ErrorUnauthorized = errorStory('unauthorized');
export const ErrorForbidden = errorStory('forbidden');
export const ErrorInsufficientBalance = errorStory('insufficient_balance');
export const ErrorNotFound = errorStory('not_found');
export const ErrorRateLimited = errorStory('rate_limited');
export const ErrorNetwork = errorStory('network');
export const ErrorInvalidResponse = errorStory('invalid_response');
