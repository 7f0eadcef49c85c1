import { useId, useState } from 'react';
import type { MetricName, VideoSummary } from '../../src/index.js';
import { SnapshotChart } from '../../src/react/index.js';

const METRICS: { value: MetricName; label: string }[] = [
  { value: 'views', label: 'Views' },
  { value: 'likes', label: 'Likes' },
  { value: 'comments', label: 'Comments' },
  { value: 'shares', label: 'Shares' },
];

/** The chart has eight series colors: the newest eight videos. */
const MAX_SERIES = 8;

/** One metric across the tracked videos, aligned by hours since each one's tracking began. */
export function Compare(props: { videos: readonly VideoSummary[] }) {
  const [metric, setMetric] = useState<MetricName>('views');
  // log by default: one fixture has more views than 2^53, which flattens every other line
  const [scale, setScale] = useState<'linear' | 'log'>('log');
  const metricId = useId();
  const ids = props.videos.slice(0, MAX_SERIES).map((v) => v.id);
  return (
    <section className="demo-compare" aria-labelledby="compare-heading">
      <div className="demo-toolbar">
        <h2 id="compare-heading" className="demo-section-title">
          Compare videos
        </h2>
        <div className="demo-controls">
          <label htmlFor={metricId}>Metric</label>
          <select id={metricId} value={metric} onChange={(e) => setMetric(e.target.value as MetricName)}>
            {METRICS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
          <fieldset className="demo-segmented">
            <legend className="demo-visually-hidden">Scale</legend>
            {(['linear', 'log'] as const).map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="demo-scale"
                  value={s}
                  checked={scale === s}
                  onChange={() => setScale(s)}
                />
                <span>{s === 'log' ? 'Log scale' : 'Linear'}</span>
              </label>
            ))}
          </fieldset>
        </div>
      </div>
      {ids.length > 0 ? (
        <SnapshotChart
          videoIds={ids}
          metric={metric}
          scale={scale}
          align="sinceStart"
          height={320}
          title={`${METRICS.find((m) => m.value === metric)?.label}, by hours since tracking started`}
        />
      ) : (
        <p className="demo-hint">Tracked videos appear here, one line each.</p>
      )}
    </section>
  );
}
