// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentStatsError } from '../../src/client/errors';
import { Count } from '../../src/components/internal/Count';
import { ErrorState } from '../../src/components/internal/ErrorState';
import { getFormatters } from '../../src/components/internal/format';
import { defaultLabels } from '../../src/components/internal/labels';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const en = getFormatters('en-US');
// Intl puts (narrow) no-break spaces in de-DE numbers and money: compare what a reader sees
const seen = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('Count', () => {
  it('shows a compact count with the exact value in title and text', () => {
    render(<Count value={1_234_567_890_123n} format={en} notAvailable="—" />);
    const count = screen.getByTitle('1,234,567,890,123');
    expect(count.textContent).toContain('1.2T');
    expect(count.textContent).toContain('1,234,567,890,123');
    expect(count).toHaveProperty('tabIndex', 0);
  });

  it('shows counts from 10^15 on with every digit: "9007.2T" would hide differences', () => {
    render(
      <>
        <Count value={9_007_199_254_740_993n} format={en} notAvailable="—" />
        <Count value={9_007_199_254_740_997n} kind="delta" format={en} notAvailable="—" />
        <Count value={-1e15} kind="delta" format={en} notAvailable="—" />
      </>,
    );
    expect(screen.getByText('9,007,199,254,740,993').hasAttribute('tabindex')).toBe(false);
    expect(screen.getByText('+9,007,199,254,740,997')).toBeTruthy();
    expect(screen.getByText('-1,000,000,000,000,000')).toBeTruthy();
    expect(en.compact(999_999_999_999_999n)).toBe('1000T');
  });

  it('is not focusable when nothing is abbreviated', () => {
    render(<Count value={950n} format={en} notAvailable="—" />);
    const count = screen.getByText('950');
    expect(count.hasAttribute('tabindex')).toBe(false);
    expect(count.hasAttribute('title')).toBe(false);
  });

  it('isolates the number from the words around it, for right-to-left languages', () => {
    const { container } = render(
      <Count
        value={1_200}
        kind="delta"
        wrap={defaultLabels.perHour}
        format={getFormatters('ar-EG')}
        notAvailable="—"
      />,
    );
    const shown = container.querySelector('[aria-hidden="true"]');
    const number = shown?.querySelector('bdi');
    expect(number?.textContent).toBe(getFormatters('ar-EG').delta(1_200));
    expect(number?.nextSibling?.textContent).toBe('/h');
    expect(container.querySelector('[title]')?.getAttribute('title')).toMatch(/^\u2068.+\u2069\/h$/);
  });

  it('formats for de-DE', () => {
    render(<Count value={1_234_567n} format={getFormatters('de-DE')} notAvailable="—" />);
    expect(seen(screen.getByTitle('1.234.567').textContent)).toContain('1,2 Mio.');
  });
});

describe('money', () => {
  it('follows one rule: whole cents from $1 on, a third decimal below $1 when there is one', () => {
    expect([84.865, 100, 3.1, 1.2].map(en.money)).toEqual(['$84.87', '$100.00', '$3.10', '$1.20']);
    expect([0.015, 0.36, 0.1].map(en.money)).toEqual(['$0.015', '$0.36', '$0.10']);
    expect(en.moneyExact(84.865)).toBe('$84.865');
  });
});

describe('ErrorState', () => {
  it('counts down to the rate-limit reset, then offers Retry', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const retry = vi.fn();
    const error = new ContentStatsError({
      code: 'rate_limited',
      status: 429,
      message: 'Rate limited',
      retryAt: Date.now() + 3_000,
    });
    render(<ErrorState error={error} retry={retry} labels={defaultLabels} format={en} />);
    expect(screen.getByRole('alert').textContent).toContain('try again in 3 seconds');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(screen.getByRole('alert').textContent).toContain('try again in 2 seconds');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(screen.getByRole('alert').textContent).toContain('You can try again now.');
    act(() => screen.getByRole('button', { name: 'Retry' }).click());
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('shows the balance of a 402 in the locale', () => {
    const error = new ContentStatsError({
      code: 'insufficient_balance',
      status: 402,
      message: 'x',
      balance: 1.5,
    });
    render(<ErrorState error={error} labels={defaultLabels} format={getFormatters('de-DE')} />);
    expect(seen(screen.getByRole('alert').textContent)).toContain('1,50 $');
  });

  it("shows the API's reason on a 403 and no retry", () => {
    const error = new ContentStatsError({
      code: 'forbidden',
      status: 403,
      message: 'x',
      apiMessage: 'Token lacks the track scope',
    });
    render(<ErrorState error={error} retry={() => {}} labels={defaultLabels} format={en} />);
    expect(screen.getByRole('alert').textContent).toContain('Token lacks the track scope');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers "Sign in again" on a 401', () => {
    const retry = vi.fn();
    const error = new ContentStatsError({ code: 'unauthorized', status: 401, message: 'x' });
    render(<ErrorState error={error} retry={retry} labels={defaultLabels} format={en} />);
    act(() => screen.getByRole('button', { name: 'Sign in again' }).click());
    expect(retry).toHaveBeenCalled();
  });

  it('does not offer Retry when the proxy says its own server key is refused', () => {
    const error = new ContentStatsError({
      code: 'server',
      status: 500,
      message: 'x',
      apiCode: 'upstream_unauthorized',
    });
    render(<ErrorState error={error} retry={() => {}} labels={defaultLabels} format={en} />);
    expect(screen.getByRole('alert').textContent).toContain('not set up correctly');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('gives each error code its own heading', () => {
    const cases: [ConstructorParameters<typeof ContentStatsError>[0], string][] = [
      [{ code: 'unauthorized', status: 401, message: 'x' }, 'Signed out'],
      [{ code: 'forbidden', status: 403, message: 'x' }, 'Not allowed'],
      [{ code: 'insufficient_balance', status: 402, message: 'x', balance: 1 }, 'Balance too low'],
      [{ code: 'not_found', status: 404, message: 'x' }, 'Video not found'],
      [{ code: 'rate_limited', status: 429, message: 'x', retryAt: Date.now() + 5_000 }, 'Too many requests'],
      [{ code: 'network', message: 'x' }, 'Cannot reach ContentStats'],
      [{ code: 'invalid_response', message: 'x' }, 'Unexpected answer'],
      [{ code: 'server', status: 500, message: 'x' }, 'Something went wrong'],
    ];
    for (const [init, heading] of cases) {
      render(<ErrorState error={new ContentStatsError(init)} labels={defaultLabels} format={en} />);
      expect(screen.getByRole('alert').querySelector('[data-part="error-title"]')?.textContent).toBe(heading);
      cleanup();
    }
  });

  it('says "You\'re offline" when the browser is offline', () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      render(
        <ErrorState
          error={new ContentStatsError({ code: 'network', message: 'x' })}
          labels={defaultLabels}
          format={en}
        />,
      );
      expect(screen.getByRole('alert').textContent).toContain("You're offline");
    } finally {
      online.mockRestore();
    }
  });

  it('offers no Retry on a 402: only a top-up helps', () => {
    const error = new ContentStatsError({
      code: 'insufficient_balance',
      status: 402,
      message: 'x',
      balance: 1,
    });
    render(<ErrorState error={error} retry={() => {}} labels={defaultLabels} format={en} />);
    expect(screen.getByRole('alert').textContent).toContain('Balance too low');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers Retry for a network failure', () => {
    const retry = vi.fn();
    const error = new ContentStatsError({ code: 'network', message: 'x' });
    render(<ErrorState error={error} retry={retry} labels={defaultLabels} format={en} />);
    expect(screen.getByRole('alert').textContent).toContain('cannot be reached');
    act(() => screen.getByRole('button', { name: 'Retry' }).click());
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
