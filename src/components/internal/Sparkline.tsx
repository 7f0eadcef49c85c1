import { downsampleLttb } from '../../metrics/downsample.js';
import { area as areaClass, line as lineClass, sparkline } from './sparkline.css.js';

/** Props of {@link Sparkline}. */
export interface SparklineProps {
  /** Points sorted by `x`; non-finite `y` values are skipped. */
  values: ReadonlyArray<{ x: number; y: number }>;
  /** Accessible description, e.g. "Views trend from 1.2K to 4.5K". */
  label: string;
}

/** Most points drawn; longer series are downsampled keeping the extremes. */
const MAX_POINTS = 60;

const WIDTH = 100;
const HEIGHT = 32;

/** A small line chart of a trend, scaled to its own range, stretched to the card's width. */
export function Sparkline({ values, label }: SparklineProps) {
  const finite = values.filter((v) => Number.isFinite(v.y) && Number.isFinite(v.x));
  if (finite.length < 2) return null;
  const sampled = downsampleLttb(
    finite,
    MAX_POINTS,
    (v) => v.x,
    (v) => v.y,
  );
  const first = sampled[0] as { x: number; y: number };
  const last = sampled[sampled.length - 1] as { x: number; y: number };
  // at most MAX_POINTS values: spread as arguments safely
  const ys = sampled.map((v) => v.y);
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  const spanX = last.x - first.x || 1;
  const spanY = max - min || 1;
  // 2 px of margin so the stroke at the extremes is not clipped
  const coords = sampled.map(
    (v) =>
      `${(((v.x - first.x) / spanX) * WIDTH).toFixed(2)},${(HEIGHT - 2 - ((v.y - min) / spanY) * (HEIGHT - 4)).toFixed(2)}`,
  );
  const path = `M${coords.join('L')}`;
  return (
    <svg
      className={sparkline}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-part="sparkline"
    >
      <path className={areaClass} d={`${path}L${WIDTH},${HEIGHT}L0,${HEIGHT}Z`} />
      <path className={lineClass} d={path} />
    </svg>
  );
}
