import { useEffect, useState } from 'react';

/**
 * `value` once a frame has been painted since it changed, `initial` until then: for parts of a
 * view that should never delay the first paint of the rest (the chart's hidden data table, 1,000
 * rows, would otherwise be rendered and laid out before the lines are shown). Where there are no
 * animation frames (server rendering, some test environments) it follows after the effect.
 */
export function useAfterPaint<T>(value: T, initial: T): T {
  // boxed: a function value must not be taken for a state updater
  const [shown, setShown] = useState<{ value: T }>({ value: initial });
  useEffect(() => {
    if (typeof requestAnimationFrame === 'undefined') {
      setShown({ value });
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    // a task queued from an animation frame runs once that frame has been painted
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown({ value }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return shown.value;
}
