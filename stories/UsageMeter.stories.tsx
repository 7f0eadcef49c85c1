import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import type { RateLimit, Usage } from '../src/client/types.js';
import { UsageMeter, UsageMeterView } from '../src/components/index.js';
import { storyApiHandlers } from './support/api.js';
import { brandTheme } from './support/brandTheme.js';
import { type StoryErrorKind, useStoryError } from './support/errors.js';
import { untilState } from './support/play.js';

const usage: Usage = {
  balance_usd: 87.42,
  available_usd: 61.9,
  plan: 'pro',
  rate_limit_per_minute: 300,
  concurrent_videos_limit: 100,
  active_videos: 23,
  total_spent_usd: 112.58,
};

/** Rate-limit state whose reset is 38 s after the story mounts (viewer's clock). */
function WithRateLimit(props: Parameters<typeof UsageMeterView>[0] & { remaining?: number }) {
  const { remaining = 212, ...rest } = props;
  const [rateLimit] = useState<RateLimit>(() => ({ limit: 300, remaining, resetAt: Date.now() + 38_000 }));
  return <UsageMeterView rateLimit={rateLimit} {...rest} />;
}

const meta = {
  title: 'Components/UsageMeter',
  component: UsageMeterView,
  subcomponents: { UsageMeter },
  args: { usage },
  render: (args) => <WithRateLimit {...args} />,
  parameters: {
    docs: {
      description: {
        component:
          'Balance, plan, videos tracked of the plan’s limit, requests left with the reset countdown and a low-balance warning. `UsageMeter` reads `useUsage()`.',
      },
    },
  },
} satisfies Meta<typeof UsageMeterView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The pure view with the story's sample data: the starting point for the controls. */
export const Default: Story = {};

/** Connected, from the local API (demo key: pro plan, $100). */
export const FromApi: Story = {
  render: () => <UsageMeter />,
  play: ({ canvasElement }) => untilState(canvasElement, 'ready'),
};

/** A proxy whose key the local API refuses: its real 401 through the client. */
export const UnauthorizedFromApi: Story = {
  parameters: { msw: { handlers: storyApiHandlers(undefined, { key: 'cs_revoked_key' }) } },
  render: () => <UsageMeter />,
  play: ({ canvasElement }) => untilState(canvasElement, 'error'),
};

/** Below the warning threshold, and almost out of requests. */
export const LowBalance: Story = {
  args: { usage: { ...usage, balance_usd: 3.1, available_usd: 1.2 } },
  render: (args) => <WithRateLimit {...args} remaining={4} />,
};

/** The free plan with every video slot in use. */
export const PlanLimitReached: Story = {
  args: {
    usage: {
      ...usage,
      plan: 'free',
      concurrent_videos_limit: 10,
      active_videos: 10,
      rate_limit_per_minute: 60,
    },
  },
};

/** Enterprise: no limits to show. */
export const Unlimited: Story = {
  args: {
    usage: { ...usage, plan: 'enterprise', concurrent_videos_limit: null, rate_limit_per_minute: null },
  },
};

/** A balance with many digits. */
export const LargeBalance: Story = {
  args: { usage: { ...usage, balance_usd: 1_234_567.89, available_usd: 1_200_000 } },
};

/** German money and number formats. */
export const German: Story = { globals: { locale: 'de-DE' } };

/** Arabic (Egypt), right to left. */
export const RightToLeft: Story = { globals: { locale: 'ar-EG' } };

export const Narrow: Story = { decorators: [(Story) => <div style={{ maxWidth: 320 }}>{Story()}</div>] };

export const BrandTheme: Story = { args: { theme: brandTheme } };

export const Loading: Story = { args: { usage: undefined, status: 'pending' } };

function ErrorMeter({ kind }: { kind: StoryErrorKind }) {
  const error = useStoryError(kind);
  return <UsageMeterView status="error" error={error} onRetry={() => {}} />;
}
const errorStory = (kind: StoryErrorKind): Story => ({ render: () => <ErrorMeter kind={kind} /> });

export const ErrorUnauthorized = errorStory('unauthorized');
export const ErrorForbidden = errorStory('forbidden');
export const ErrorInsufficientBalance = errorStory('insufficient_balance');
export const ErrorNotFound = errorStory('not_found');
export const ErrorRateLimited = errorStory('rate_limited');
export const ErrorNetwork = errorStory('network');
export const ErrorInvalidResponse = errorStory('invalid_response');
