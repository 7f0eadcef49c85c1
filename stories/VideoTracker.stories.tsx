import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { VideoTracker, VideoTrackerView } from '../src/components/index.js';
import { brandTheme } from './support/brandTheme.js';
import { type StoryErrorKind, useStoryError } from './support/errors.js';

const meta = {
  title: 'Components/VideoTracker',
  component: VideoTrackerView,
  subcomponents: { VideoTracker },
  args: { onSubmit: fn(), balance: 100 },
  parameters: {
    docs: {
      description: {
        component:
          '`VideoTracker` starts a tracking through `<ContentStatsProvider>` and shows the balance from `useUsage`; `VideoTrackerView` is the same form driven by props. Stories marked *from the local API* use the local API engine through MSW.',
      },
    },
  },
} satisfies Meta<typeof VideoTrackerView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The pure view with the story's sample data: the starting point for the controls. */
export const Default: Story = {};

/** Connected, from the local API: type a link, submit, see the new tracking. */
export const FromApi: Story = {
  render: () => <VideoTracker />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(
      await canvas.findByLabelText('Video link', {}, { timeout: 10_000 }),
      'https://www.tiktok.com/@storybook/video/7301928374650123456',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Start tracking' }));
    // the result is a live region that exists (empty) before the answer arrives
    await waitFor(
      () => expect(canvasElement.querySelector('[data-part="result"]')).toHaveTextContent(/cm[a-z0-9]{10}/),
      { timeout: 10_000 },
    );
  },
};

/** A link that is not a supported video link: the reason shows before any request. */
export const InvalidLink: Story = {
  args: { defaultLink: 'https://example.com/not-a-video' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Start tracking' }));
  },
};

/** A very long link in a narrow container. */
export const LongLinkNarrow: Story = {
  args: {
    defaultLink:
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf&index=42&t=1234s&ab_channel=SomeVeryLongChannelName',
  },
  decorators: [(Story) => <div style={{ maxWidth: 320 }}>{Story()}</div>],
};

/** The balance cannot cover 30 days: refused before submitting. */
export const CannotAfford: Story = {
  args: {
    balance: 1.25,
    defaultLink: 'https://www.tiktok.com/@creator/video/7301928374650123456',
    defaultDurationDays: 30,
  },
};

export const BalanceLoading: Story = { args: { balance: undefined, balanceLoading: true } };

export const Pending: Story = {
  args: { status: 'pending', defaultLink: 'https://www.tiktok.com/@creator/video/7301928374650123456' },
};

export const Tracked: Story = {
  args: {
    status: 'success',
    result: {
      id: 'cm5trk0000001',
      video_link: 'https://www.tiktok.com/@creator/video/7301928374650123456',
      platform: 'tiktok',
      status: 'monitoring',
      estimated_cost: 2.52,
    },
  },
};

/** Arabic (Egypt), right to left: the link field stays left to right. */
export const RightToLeft: Story = { globals: { locale: 'ar-EG' } };

export const BrandTheme: Story = { args: { theme: brandTheme } };

function ErrorTracker({ kind }: { kind: StoryErrorKind }) {
  const error = useStoryError(kind);
  return (
    <VideoTrackerView
      balance={kind === 'insufficient_balance' ? 0.42 : 100}
      status="error"
      error={error}
      onSubmit={() => {}}
      onRetry={() => {}}
      defaultLink="https://www.tiktok.com/@creator/video/7301928374650123456"
    />
  );
}
const errorStory = (kind: StoryErrorKind): Story => ({ render: () => <ErrorTracker kind={kind} /> });

export const ErrorUnauthorized = errorStory('unauthorized');
export const ErrorForbidden = errorStory('forbidden');
export const ErrorInsufficientBalance = errorStory('insufficient_balance');
export const ErrorNotFound = errorStory('not_found');
export const ErrorRateLimited = errorStory('rate_limited');
export const ErrorNetwork = errorStory('network');
export const ErrorInvalidResponse = errorStory('invalid_response');
