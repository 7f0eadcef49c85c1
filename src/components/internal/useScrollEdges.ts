import { useEffect, useState } from 'react';

/** Which inline edges of a horizontal scroller hide more content. */
export interface ScrollEdges {
  /** Content is hidden before the inline start (scrolled away from it). */
  start: boolean;
  /** Content is hidden past the inline end. */
  end: boolean;
}

const NONE: ScrollEdges = { start: false, end: false };

function edgesOf(element: HTMLElement): ScrollEdges {
  const hidden = element.scrollWidth - element.clientWidth;
  if (hidden <= 1) return NONE;
  // right to left, scrollLeft runs from 0 to negative values: the distance from the start is its size
  const fromStart = Math.abs(element.scrollLeft);
  return { start: fromStart > 1, end: fromStart < hidden - 1 };
}

/**
 * Follows a horizontal scroller so a shadow can show at each edge with more content behind it:
 * without it, a column cut at the edge of a narrow table looks like the table's end.
 */
export function useScrollEdges(): [(element: HTMLElement | null) => void, ScrollEdges] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [edges, setEdges] = useState<ScrollEdges>(NONE);
  useEffect(() => {
    if (!element) return;
    const update = () => {
      const next = edgesOf(element);
      setEdges((current) => (current.start === next.start && current.end === next.end ? current : next));
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(element);
    // the table inside grows when a page of longer numbers arrives
    if (element.firstElementChild) observer?.observe(element.firstElementChild);
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [element]);
  // the state setter is the ref: stable, and called with the element and with null
  return [setElement, edges];
}
