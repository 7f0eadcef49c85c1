// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { ContentStatsError } from '../../src/client/errors';
import { VideoTracker, VideoTrackerView } from '../../src/components/VideoTracker';
import { BASE, seen, setupApi, startMswServer } from './harness';

const server = startMswServer();
const LINK = 'https://www.tiktok.com/@someone/video/7301234567890123456';

describe('VideoTrackerView', () => {
  it('explains why a link is refused once the field is left, linked to the field', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<VideoTrackerView onSubmit={onSubmit} balance={100} />);
    const input = screen.getByLabelText('Video link');
    await user.type(input, 'https://evil.example/@a/video/1');
    // still typing: a half-typed link is not an error yet
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    await user.tab();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const reason = document.getElementById(describedBy[0] ?? '');
    // the short reason only: the examples are in the hint
    expect(reason?.textContent).toBe('"evil.example" is not a TikTok host.');
    expect(reason?.closest('[aria-live="polite"]')).toBeTruthy();
    await user.clear(input);
    await user.type(input, LINK);
    await user.tab();
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(screen.queryByText(/is not a TikTok host/)).toBeNull();
  });

  it('judges a link after a pause in typing, not on every keystroke', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      render(<VideoTrackerView onSubmit={vi.fn()} balance={100} />);
      const input = screen.getByLabelText('Video link');
      fireEvent.change(input, { target: { value: 'https://www.ti' } });
      act(() => vi.advanceTimersByTime(600));
      fireEvent.change(input, { target: { value: 'https://www.tik' } });
      act(() => vi.advanceTimersByTime(600));
      // no pause of a second yet: still typing
      expect(input.hasAttribute('aria-invalid')).toBe(false);
      act(() => vi.advanceTimersByTime(400));
      expect(input.getAttribute('aria-invalid')).toBe('true');
      // typing again hides it until the next pause
      fireEvent.change(input, { target: { value: 'https://www.tikt' } });
      expect(input.hasAttribute('aria-invalid')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the link field left to right in a right-to-left language', () => {
    render(<VideoTrackerView onSubmit={vi.fn()} balance={100} locale="ar-EG" />);
    expect(screen.getByLabelText('Video link').getAttribute('dir')).toBe('ltr');
  });

  it('does not submit an empty link and says why', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<VideoTrackerView onSubmit={onSubmit} balance={100} />);
    await user.click(screen.getByRole('button', { name: 'Start tracking' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/The video link is empty\./)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Video link'));
  });

  it('never refuses with two amounts that look alike', async () => {
    const user = userEvent.setup();
    render(<VideoTrackerView onSubmit={vi.fn()} balance={2.515} />);
    // one money rule: whole cents from $1 on
    expect(screen.getByText('Balance $2.52')).toBeTruthy();
    await user.type(screen.getByLabelText('Video link'), LINK);
    expect(screen.getByText(/costs about \$2\.52 but your balance is \$2\.515/)).toBeTruthy();
  });

  it('shows the cost beside the balance and refuses before submitting when it cannot be covered', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<VideoTrackerView onSubmit={onSubmit} balance={2} />);
    expect(screen.getByText('Estimated cost $2.52')).toBeTruthy();
    expect(screen.getByText('Balance $2.00')).toBeTruthy();
    await user.type(screen.getByLabelText('Video link'), LINK);
    const submit = screen.getByRole('button', { name: 'Start tracking' });
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText(/costs about \$2\.52 but your balance is \$2\.00/)).toBeTruthy();
    await user.click(submit);
    expect(onSubmit).not.toHaveBeenCalled();
    // one day costs $0.36: affordable again
    const days = screen.getByLabelText('Duration');
    await user.clear(days);
    await user.type(days, '1');
    expect(screen.getByText('Estimated cost $0.36')).toBeTruthy();
    expect(screen.queryByText(/costs about/)).toBeNull();
    await user.click(submit);
    expect(onSubmit).toHaveBeenCalledWith({ video_link: LINK, duration_days: 1 });
  });

  it('refuses a duration outside 1–30 days', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<VideoTrackerView onSubmit={onSubmit} balance={100} defaultLink={LINK} />);
    const days = screen.getByLabelText('Duration');
    await user.clear(days);
    await user.type(days, '31');
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Choose a whole number of days from 1 to 30.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start tracking' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers "View it" after a 409 that names the existing tracking', async () => {
    const user = userEvent.setup();
    const onViewExisting = vi.fn();
    const error = Object.assign(
      new ContentStatsError({ code: 'conflict', status: 409, message: 'Already tracked' }),
      { existingId: 'cm5existing1' },
    );
    render(
      <VideoTrackerView onSubmit={() => {}} status="error" error={error} onViewExisting={onViewExisting} />,
    );
    expect(screen.getByRole('alert').textContent).toContain('already being tracked');
    await user.click(screen.getByRole('button', { name: 'View it' }));
    expect(onViewExisting).toHaveBeenCalledWith('cm5existing1');
  });

  it('"Try again" after a lost answer calls the retry that keeps the idempotency key', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const error = Object.assign(new ContentStatsError({ code: 'network', message: 'offline' }), {
      outcome: 'unknown',
    });
    render(<VideoTrackerView onSubmit={() => {}} status="error" error={error} onRetry={onRetry} />);
    expect(screen.getByText(/could not confirm whether tracking started/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('formats cost and balance for de-DE', () => {
    render(<VideoTrackerView onSubmit={() => {}} balance={1234.5} locale="de-DE" />);
    expect(seen(screen.getByText(/Estimated cost/).textContent)).toBe('Estimated cost 2,52 $');
    expect(seen(screen.getByText(/^Balance/).textContent)).toBe('Balance 1.234,50 $');
  });
});

describe('VideoTracker against the local API', () => {
  it('tracks a video, announces the result and calls onTracked', async () => {
    const user = userEvent.setup();
    const { wrapper } = setupApi(server);
    const onTracked = vi.fn();
    render(<VideoTracker onTracked={onTracked} />, { wrapper });
    expect(await screen.findByText(/^Balance \$\d/)).toBeTruthy();
    await user.type(screen.getByLabelText('Video link'), LINK);
    await user.click(screen.getByRole('button', { name: 'Start tracking' }));
    const status = await screen.findByText(/Tracking started/);
    expect(status.closest('[role="status"]')).toBeTruthy();
    await waitFor(() => expect(onTracked).toHaveBeenCalledTimes(1));
    expect(onTracked.mock.calls[0]?.[0]).toMatchObject({ status: 'monitoring', estimated_cost: 2.52 });
    expect(status.textContent).toContain(onTracked.mock.calls[0]?.[0].id);
    // ready for the next link, with no complaint about the now empty field
    expect((screen.getByLabelText('Video link') as HTMLInputElement).value).toBe('');
    expect(screen.queryByText(/The video link is empty/)).toBeNull();
  });

  it('refuses before any request when the balance from the API cannot cover it', async () => {
    const user = userEvent.setup();
    const { wrapper, api } = setupApi(server, [{ key: 'cs_poor_key', plan: 'free', balance_usd: 1 }]);
    render(<VideoTracker />, { wrapper });
    expect(await screen.findByText('Balance $1.00')).toBeTruthy();
    await user.type(screen.getByLabelText('Video link'), LINK);
    await user.click(screen.getByRole('button', { name: 'Start tracking' }));
    expect(screen.getByText(/costs about \$2\.52 but your balance is \$1\.00/)).toBeTruthy();
    expect(api.requestCount('POST /api/v1/videos/track')).toBe(0);
  });

  // 90 s is beyond the client's own wait for a Retry-After (60 s), so the 429 reaches the UI
  it('shows a 429 from the API with its countdown', async () => {
    const user = userEvent.setup();
    const { wrapper } = setupApi(server);
    server.use(
      http.post(`${BASE}/api/v1/videos/track`, () =>
        HttpResponse.json(
          { error: 'Rate limit exceeded' },
          { status: 429, headers: { 'Retry-After': '90' } },
        ),
      ),
    );
    render(<VideoTracker />, { wrapper });
    await screen.findByText(/^Balance \$\d/);
    await user.type(screen.getByLabelText('Video link'), LINK);
    await user.click(screen.getByRole('button', { name: 'Start tracking' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toMatch(/Too many requests\s*You can try again in (89|90) seconds\./);
  });

  it('"Try again" after a lost answer resubmits with the same idempotency key', async () => {
    const user = userEvent.setup();
    const { wrapper, api } = setupApi(server);
    const keys: (string | null)[] = [];
    let drop = true;
    server.use(
      http.post(`${BASE}/api/v1/videos/track`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        // the request is lost before it reaches the API: the client cannot know the outcome
        return drop ? HttpResponse.error() : undefined;
      }),
    );
    const onTracked = vi.fn();
    render(<VideoTracker onTracked={onTracked} />, { wrapper });
    await screen.findByText(/^Balance \$\d/);
    await user.type(screen.getByLabelText('Video link'), LINK);
    await user.click(screen.getByRole('button', { name: 'Start tracking' }));
    expect(
      await screen.findByText(/could not confirm whether tracking started/, {}, { timeout: 5000 }),
    ).toBeTruthy();
    drop = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onTracked).toHaveBeenCalledTimes(1));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
    expect(api.requestCount('POST /api/v1/videos/track')).toBe(1);
  });
});
