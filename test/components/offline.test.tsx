// @vitest-environment jsdom
import { onlineManager } from '@tanstack/query-core';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageMeter } from '../../src/components/UsageMeter';
import { setupApi, startMswServer } from './harness';

const server = startMswServer();
afterEach(() => onlineManager.setOnline(true));

function goOffline(offline: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(!offline);
  act(() => {
    onlineManager.setOnline(!offline);
    window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
  });
}

describe('offline', () => {
  it('says the browser is offline instead of loading forever, and loads once back online', async () => {
    const { wrapper, api } = setupApi(server);
    goOffline(true);
    const { container } = render(<UsageMeter />, { wrapper });
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('error');
    expect(screen.getByRole('alert').textContent).toContain("You're offline");
    expect(screen.getByRole('alert').textContent).toContain('Reconnect to the internet and try again.');
    expect(api.requestCount('/api/v1/usage')).toBe(0);
    goOffline(false);
    expect(await screen.findByText('Pro')).toBeTruthy();
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('ready');
  });
});
