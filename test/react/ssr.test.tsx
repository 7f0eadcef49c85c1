import { readFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ContentStatsProvider, useSnapshots } from '../../src/react/index';

function Views() {
  const { status } = useSnapshots('cm5abc123');
  return <p>{status}</p>;
}

describe('server rendering', () => {
  it('imports and renders without touching window', () => {
    expect(typeof globalThis.window).toBe('undefined');
    const html = renderToString(
      <ContentStatsProvider baseUrl="https://example.test/api/contentstats" persist>
        <Views />
      </ContentStatsProvider>,
    );
    expect(html).toBe('<p>pending</p>');
  });

  it('renders pending on the server even with persist on, so hydration matches the client', () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
      removeItem: (k: string) => void stored.delete(k),
    };
    const video = { id: 'cm5abc123', status: 'monitoring', snapshots: [] };
    storage.setItem(
      'contentstats:v1:video:https://example.test/api/contentstats:cm5abc123',
      JSON.stringify({ savedAt: Date.now(), video }),
    );
    const html = renderToString(
      <ContentStatsProvider baseUrl="https://example.test/api/contentstats" persist={storage}>
        <Views />
      </ContentStatsProvider>,
    );
    expect(html).toBe('<p>pending</p>');
  });

  it("marks the React entry 'use client' for server-component frameworks", () => {
    const source = readFileSync(new URL('../../src/react/index.ts', import.meta.url), 'utf8');
    expect(source.startsWith("'use client';")).toBe(true);
  });
});
