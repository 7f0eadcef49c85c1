import { useCallback, useEffect, useState } from 'react';

/**
 * Width of an element in CSS pixels, followed with ResizeObserver. Where there is none (SSR,
 * jsdom, old browsers) or before the first measurement, `fallback` is used, so the chart still
 * renders at a sensible size.
 */
export function useContainerWidth(fallback: number): [(element: HTMLElement | null) => void, number] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!element) return;
    const measure = (value: number) => {
      // a hidden or detached container measures 0: keep the last useful width
      if (value > 0) setWidth(Math.floor(value));
    };
    measure(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const value = entry.contentRect.width;
      // coalesce bursts during a drag-resize into one render per frame
      if (typeof requestAnimationFrame === 'undefined') return measure(value);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => measure(value));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (typeof cancelAnimationFrame !== 'undefined') cancelAnimationFrame(frame);
    };
  }, [element]);
  const ref = useCallback((node: HTMLElement | null) => setElement(node), []);
  return [ref, width];
}
