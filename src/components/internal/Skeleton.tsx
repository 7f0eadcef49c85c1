import { skeleton, skeletonBlock } from './states.css.js';

/** Props of {@link Skeleton}. */
export interface SkeletonProps {
  /** Accessible name, e.g. `labels.loading`. */
  label: string;
  /** Widths of the grey lines (CSS lengths). */
  lines: readonly string[];
  /** Height of each line, unless `heights` gives it. */
  lineHeight?: string | undefined;
  /** Heights per line (CSS lengths), where they differ: a skeleton as tall as what it stands for. */
  heights?: readonly string[] | undefined;
}

/** Grey placeholder lines shaped like the content to come, announced once as "loading". */
export function Skeleton({ label, lines, lineHeight, heights }: SkeletonProps) {
  return (
    <div className={skeleton} role="status" aria-label={label} data-part="skeleton">
      {lines.map((width, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder lines never reorder
          key={i}
          className={skeletonBlock}
          style={{ width, height: heights?.[i] ?? lineHeight }}
          aria-hidden="true"
        />
      ))}
    </div>
  );
}
