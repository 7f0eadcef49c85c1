import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

const never = () => () => undefined;
const inBrowser = () => true;
const onServer = () => false;

/**
 * Width of an element in CSS pixels, followed with ResizeObserver. Where there is none (SSR,
 * jsdom, old browsers) or before the first measurement, `fallback` is used, so the chart still
 * renders at a sensible size.
 *
 * The third value says whether the width can be drawn at: false only in a browser before the
 * element is attached. The element is measured as it is attached (before the browser paints), so
 * a chart waiting for it is drawn once, at its real width, instead of at `fallback` and again.
 * Server rendering and hydration draw at `fallback` as before.
 */
export function useContainerWidth(
  fallback: number,
): [(element: HTMLElement | null) => void, number, boolean] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(fallback);
  // false while rendering on the server and hydrating its HTML: those draw at the fallback width
  const client = useSyncExternalStore(never, inBrowser, onServer);
  const measure = useCallback((value: number) => {
    // a hidden or detached container measures 0: keep the last useful width
    if (value > 0) setWidth(Math.floor(value));
  }, []);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
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
  }, [element, measure]);
  const ref = useCallback(
    (node: HTMLElement | null) => {
      // attached and laid out: the layout this forces is the one the browser would do next
      if (node) measure(node.getBoundingClientRect().width);
      setElement(node);
    },
    [measure],
  );
  return [ref, width, !client || element !== null];
}
