// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { Usage } from '../../src/client/types';
import { UsageMeter, UsageMeterView } from '../../src/components/UsageMeter';
import { BASE, seen, setupApi, startMswServer } from './harness';

const server = startMswServer();

const usage: Usage = {
  balance_usd: 42.5,
  available_usd: 40,
  plan: 'pro',
  rate_limit_per_minute: 300,
  concurrent_videos_limit: 100,
  active_videos: 95,
  total_spent_usd: 57.5,
};

describe('UsageMeterView', () => {
  it('shows balance, plan, videos of the limit as a meter, and requests left with the reset countdown', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const rateLimit = { limit: 300, remaining: 12, resetAt: Date.now() + 42_000 };
    render(<UsageMeterView usage={usage} rateLimit={rateLimit} />);
    expect(screen.getByText('$42.50')).toBeTruthy();
    expect(screen.getByText('Pro')).toBeTruthy();
    const videos = screen.getByRole('meter', { name: 'Videos tracked' });
    expect(videos.getAttribute('aria-valuenow')).toBe('95');
    expect(videos.getAttribute('aria-valuemax')).toBe('100');
    expect(videos.getAttribute('aria-valuetext')).toBe('95 of 100');
    expect(screen.getByRole('meter', { name: 'Requests left' }).getAttribute('aria-valuetext')).toBe(
      '12 of 300',
    );
    expect(screen.getByText('Resets in 42 s')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(screen.getByText('Resets in 40 s')).toBeTruthy();
    expect(screen.queryByText(/Low balance/)).toBeNull();
  });

  it('warns when the spendable balance is under the threshold', () => {
    render(
      <UsageMeterView usage={{ ...usage, available_usd: 3.2 }} rateLimit={null} lowBalanceThreshold={10} />,
    );
    // the warning's figure is the one labelled "available" under the balance, not the balance
    expect(screen.getByText('Low balance: $3.20 available to spend. Top up to keep tracking.')).toBeTruthy();
    expect(screen.getByText('$42.50')).toBeTruthy();
    expect(screen.getByText('$3.20 available to spend')).toBeTruthy();
    expect(screen.getByText('Not known yet')).toBeTruthy();
  });

  it('says when the plan has no video limit, in de-DE', () => {
    render(
      <UsageMeterView
        usage={{ ...usage, balance_usd: 1234.5, concurrent_videos_limit: null, active_videos: 1200 }}
        locale="de-DE"
      />,
    );
    expect(seen(screen.getByText(/1\.234,50/).textContent)).toBe('1.234,50 $');
    expect(screen.getByText('1.200 (no limit)')).toBeTruthy();
    expect(screen.queryByRole('meter', { name: 'Videos tracked' })).toBeNull();
  });
});

describe('UsageMeter against the local API', () => {
  it("shows the account's usage and the rate-limit budget", async () => {
    const { wrapper } = setupApi(server, [{ key: 'cs_demo_key', plan: 'free', balance_usd: 3 }]);
    const { container } = render(<UsageMeter />, { wrapper });
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('loading');
    expect(await screen.findByText('Free')).toBeTruthy();
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('ready');
    expect(screen.getByRole('meter', { name: 'Requests left' }).getAttribute('aria-valuemax')).toBe('60');
    expect(screen.getByText(/^Low balance/)).toBeTruthy();
  });

  it('offers to sign in again after a 401, and recovers', async () => {
    const user = userEvent.setup();
    const { wrapper } = setupApi(server);
    let refuse = true;
    server.use(
      http.get(`${BASE}/api/v1/usage`, () =>
        refuse ? HttpResponse.json({ error: 'Invalid API key' }, { status: 401 }) : undefined,
      ),
    );
    const { container } = render(<UsageMeter />, { wrapper });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('signed out');
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('error');
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(await screen.findByText('Pro')).toBeTruthy();
  });
});
