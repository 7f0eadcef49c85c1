import type { Meta, StoryObj } from '@storybook/react-vite';
import { SnapshotTable, SnapshotTableView } from '../src/components/index.js';
import { FIXTURE_IDS } from '../src/mock/constants.js';
import { brandTheme } from './support/brandTheme.js';
import { storyPoints } from './support/data.js';
import { type StoryErrorKind, useStoryError } from './support/errors.js';
import { untilState } from './support/play.js';

const meta = {
  title: 'Components/SnapshotTable',
  component: SnapshotTableView,
  subcomponents: { SnapshotTable },
  args: { points: storyPoints({ hours: 72, seed: 5 }), onExport: () => {} },
  // exact counts are bigints, which the controls panel cannot edit or serialise
  argTypes: { points: { control: false }, deltas: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          '`SnapshotTable` reads a video’s snapshots through `<ContentStatsProvider>`; `SnapshotTableView` shows any points. Sortable, paged, sticky header, CSV export with exact counts.',
      },
    },
  },
} satisfies Meta<typeof SnapshotTableView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The pure view with the story's sample data: the starting point for the controls. */
export const Default: Story = {};

/** Connected, from the local API (fixture video `cm5fixviral1`). */
export const FromApi: Story = {
  render: () => <SnapshotTable videoId={FIXTURE_IDS.viral} />,
  play: ({ canvasElement }) => untilState(canvasElement, 'ready'),
};

/** Views above 2^53 (fixture `cm5fixmega01`) stay exact. */
export const HugeCounts: Story = {
  render: () => <SnapshotTable videoId={FIXTURE_IDS.mega} />,
  play: ({ canvasElement }) => untilState(canvasElement, 'ready'),
};

/** A provider that does not report shares and saves. */
export const FallbackProvider: Story = { args: { points: storyPoints({ hours: 36, fallback: true }) } };

/** 10,000 hourly rows (over a year), paged. */
export const LongSeries: Story = {
  // heavy: in the sidebar and the tests, not on the docs page
  tags: ['!autodocs'],
  args: { points: storyPoints({ hours: 10_000, finalViews: 9_000_000, halfLife: 900 }) },
};

/** Japanese dates and numbers. */
export const Japanese: Story = { globals: { locale: 'ja-JP' } };

/** Arabic (Egypt), right to left. */
export const RightToLeft: Story = { globals: { locale: 'ar-EG' } };

export const Narrow: Story = { decorators: [(Story) => <div style={{ maxWidth: 320 }}>{Story()}</div>] };

export const BrandTheme: Story = { args: { theme: brandTheme } };

export const Loading: Story = { args: { points: undefined, status: 'pending' } };

export const Empty: Story = { args: { points: [] } };

function ErrorTable({ kind }: { kind: StoryErrorKind }) {
  const error = useStoryError(kind);
  return <SnapshotTableView status="error" error={error} onRetry={() => {}} />;
}
const errorStory = (kind: StoryErrorKind): Story => ({ render: () => <ErrorTable kind={kind} /> });

export const ErrorUnauthorized = errorStory('unauthorized');
export const ErrorForbidden = errorStory('forbidden');
export const ErrorInsufficientBalance = errorStory('insufficient_balance');
export const ErrorNotFound = errorStory('not_found');
export const ErrorRateLimited = errorStory('rate_limited');
export const ErrorNetwork = errorStory('network');
export const ErrorInvalidResponse = errorStory('invalid_response');
