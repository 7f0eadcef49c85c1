import { skeleton, skeletonBlock } from './states.css.js';

/** Props of {@link Skeleton}. */
export interface SkeletonProps {
  /** Accessible name, e.g. `labels.loading`. */
  label: string;
  /** Widths of the grey lines (CSS lengths). @defaultValue ['60%', '100%', '80%'] */
  lines?: readonly string[] | undefined;
  /** Height of each line. @defaultValue '1em' */
  lineHeight?: string | undefined;
  /** Heights per line (CSS lengths), where they differ: a skeleton as tall as what it stands for. */
  heights?: readonly string[] | undefined;
}

/** Grey placeholder lines shaped like the content to come, announced once as "loading". */
export function Skeleton({
  label,
  lines = ['60%', '100%', '80%'],
  lineHeight = '1em',
  heights,
}: SkeletonProps) {
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
