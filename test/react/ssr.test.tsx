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

  it("marks the React entry 'use client' for server-component frameworks", () => {
    const source = readFileSync(new URL('../../src/react/index.ts', import.meta.url), 'utf8');
    expect(source.startsWith("'use client';")).toBe(true);
  });
});
