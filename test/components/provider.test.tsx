// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UsageMeter, UsageMeterView } from '../../src/components/UsageMeter';
import { ContentStatsProvider } from '../../src/react/ContentStatsProvider';
import { themeClass } from '../../src/theme/index';
import { seen, setupApi, startMswServer } from './harness';

const server = startMswServer();
const usage = { balance_usd: 1234.5, plan: 'pro', active_videos: 3, concurrent_videos_limit: 100 };

describe('UI settings from the provider', () => {
  it('applies theme, locale and labels of the provider to connected components', async () => {
    const { client } = setupApi(server);
    const { container } = render(
      <ContentStatsProvider client={client} theme="dark" locale="de-DE" labels={{ balance: 'Guthaben' }}>
        <UsageMeter />
      </ContentStatsProvider>,
    );
    expect(await screen.findByText('Guthaben')).toBeTruthy();
    const root = container.firstElementChild as HTMLElement;
    expect(root.classList.contains(themeClass('dark'))).toBe(true);
    expect(seen(root.textContent)).toMatch(/\d+,\d{2} \$/);
  });

  it("lets a component's own props win over the provider's", () => {
    const { client } = setupApi(server);
    const { container } = render(
      <ContentStatsProvider client={client} theme="dark" locale="de-DE" labels={{ balance: 'Guthaben' }}>
        <UsageMeterView usage={usage} theme="light" locale="en-US" labels={{ balance: 'Funds' }} />
      </ContentStatsProvider>,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.classList.contains(themeClass('light'))).toBe(true);
    expect(screen.getByText('Funds')).toBeTruthy();
    expect(screen.getByText('$1,234.50')).toBeTruthy();
  });

  it('turns a theme override object into custom properties on the root, beside className and style', () => {
    const { container } = render(
      <UsageMeterView
        usage={usage}
        theme={{ base: 'dark', color: { accent: '#7c3aed' } }}
        className="mine"
        style={{ maxWidth: 400 }}
      />,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.classList.contains(themeClass('dark'))).toBe(true);
    expect(root.classList.contains('mine')).toBe(true);
    expect(root.style.getPropertyValue('--cs-color-accent')).toBe('#7c3aed');
    expect(root.style.maxWidth).toBe('400px');
    expect(root.getAttribute('data-state')).toBe('ready');
    expect(root.getAttribute('data-part')).toBe('base');
  });

  it('renders with defaults and the auto theme without a provider', () => {
    const { container } = render(<UsageMeterView usage={usage} />);
    expect((container.firstElementChild as HTMLElement).classList.contains(themeClass('auto'))).toBe(true);
    expect(screen.getByText('Balance')).toBeTruthy();
  });
});
