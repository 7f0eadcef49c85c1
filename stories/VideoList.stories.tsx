import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Snapshot, VideoSummary } from '../src/client/types.js';
import { VideoList, VideoListView } from '../src/components/index.js';
import { brandTheme } from './support/brandTheme.js';
import { STORY_START } from './support/data.js';
import { type StoryErrorKind, storyError, useStoryError } from './support/errors.js';
import { untilState } from './support/play.js';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function latest(views: string, hoursIn: number): Snapshot {
  const n = BigInt(views);
  return {
    snapshot_time: iso(STORY_START + hoursIn * HOUR),
    views,
    likes: (n / 12n).toString(),
    comments: (n / 240n).toString(),
    shares: (n / 310n).toString(),
    saves: (n / 170n).toString(),
  } as Snapshot;
}

function video(i: number, fields: Partial<VideoSummary>): VideoSummary {
  return {
    id: `cm5story${String(i).padStart(4, '0')}`,
    video_link: `https://www.tiktok.com/@creator${i}/video/73019283746501${String(i).padStart(5, '0')}`,
    platform: 'tiktok',
    status: 'monitoring',
    duration_days: 7,
    estimated_cost: 2.52,
    created_at: iso(STORY_START),
    ends_at: iso(STORY_START + 7 * 24 * HOUR),
    ...fields,
  };
}

const videos: VideoSummary[] = [
  video(1, { latest_snapshot: latest('3912044', 72) }),
  video(2, {
    video_link:
      'https://www.tiktok.com/@a.creator.with.a.really.long.handle.that.keeps.going/video/7301928374650123456?is_from_webapp=1&sender_device=pc',
    latest_snapshot: latest('18234', 30),
  }),
  video(3, { status: 'completed', duration_days: 3, latest_snapshot: latest('250113', 72) }),
  video(4, {
    status: 'stopped',
    stopped_at: iso(STORY_START + 20 * HOUR),
    latest_snapshot: latest('9120', 20),
  }),
  video(5, { latest_snapshot: latest('9007199254740993123', 120) }),
  video(6, { latest_snapshot: null }),
];

const meta = {
  title: 'Components/VideoList',
  component: VideoListView,
  subcomponents: { VideoList },
  args: { videos, onStop: fn(), onSelect: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'Tracked videos with a platform filter, status badges, latest counts and Stop with a confirmation step. `VideoList` reads `useVideos()` and stops through `useStopTracking()`.',
      },
    },
  },
} satisfies Meta<typeof VideoListView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The pure view with the story's sample data: the starting point for the controls. */
export const Default: Story = {};

/** Connected, from the local API: stop a monitoring video after confirming. */
export const FromApi: Story = {
  render: () => <VideoList />,
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'ready');
    const canvas = within(canvasElement);
    const [stop] = await canvas.findAllByRole('button', { name: /^Stop: / });
    await userEvent.click(stop!);
    await userEvent.click(await canvas.findByRole('button', { name: 'Stop tracking' }));
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Stop tracking' })).toBeNull(), {
      timeout: 10_000,
    });
  },
};

/** Connected and `readOnly` (e.g. for a token that may read but not stop): no Stop buttons. */
export const ReadOnlyFromApi: Story = {
  render: () => <VideoList readOnly />,
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'ready');
    await expect(within(canvasElement).queryByRole('button', { name: /^Stop: / })).toBeNull();
  },
};

/** The confirmation step, open. */
export const ConfirmStop: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [stop] = await canvas.findAllByRole('button', { name: /^Stop: / });
    await userEvent.click(stop!);
    await canvas.findByRole('button', { name: 'Keep tracking' });
  },
};

export const Stopping: Story = { args: { stoppingId: videos[0]!.id } };

/** A stop that failed: the reason beside the video. */
export const StopFailed: Story = {
  args: { stopError: { id: videos[0]!.id, error: storyError('network') } },
};

export const Selected: Story = { args: { selectedId: videos[2]!.id } };

/** A few hundred videos. */
export const LongList: Story = {
  // heavy: in the sidebar and the tests, not on the docs page
  tags: ['!autodocs'],
  args: {
    videos: Array.from({ length: 300 }, (_, i) =>
      video(i + 10, {
        status: i % 7 === 0 ? 'completed' : i % 11 === 0 ? 'stopped' : 'monitoring',
        latest_snapshot: latest(String(1000 + i * 7919 * (i % 13)), 24),
      }),
    ),
  },
};

export const Narrow: Story = { decorators: [(Story) => <div style={{ maxWidth: 320 }}>{Story()}</div>] };

/** Arabic (Egypt), right to left. */
export const RightToLeft: Story = { globals: { locale: 'ar-EG' } };

export const BrandTheme: Story = { args: { theme: brandTheme } };

export const Loading: Story = { args: { videos: undefined, status: 'pending' } };

export const Empty: Story = { args: { videos: [] } };

function ErrorList({ kind }: { kind: StoryErrorKind }) {
  const error = useStoryError(kind);
  return <VideoListView status="error" error={error} onRetry={() => {}} />;
}
const errorStory = (kind: StoryErrorKind): Story => ({ render: () => <ErrorList kind={kind} /> });

export const ErrorUnauthorized = errorStory('unauthorized');
export const ErrorForbidden = errorStory('forbidden');
export const ErrorInsufficientBalance = errorStory('insufficient_balance');
export const ErrorNotFound = errorStory('not_found');
export const ErrorRateLimited = errorStory('rate_limited');
export const ErrorNetwork = errorStory('network');
export const ErrorInvalidResponse = errorStory('invalid_response');
