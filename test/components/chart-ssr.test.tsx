import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SnapshotChartView } from '../../src/components/SnapshotChartView';

const HOUR = 3_600_000;

describe('SnapshotChartView on the server', () => {
  it('renders its lines at the default width without window or ResizeObserver', () => {
    expect(typeof globalThis.window).toBe('undefined');
    const points = Array.from({ length: 48 }, (_, i) => ({
      time: i * HOUR,
      value: i * 10,
      exact: BigInt(i * 10),
    }));
    const html = renderToString(
      <SnapshotChartView locale="en-US" series={[{ id: 'a', label: 'A', points }]} />,
    );
    expect(html).toContain('data-state="ready"');
    expect(html).toContain('width="640"');
    expect(html.match(/<path /g)).toHaveLength(1);
  });
});
