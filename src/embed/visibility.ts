type Callback = () => void;

const waiting = new WeakMap<Element, Callback>();
let observer: IntersectionObserver | null = null;

function sharedObserver(): IntersectionObserver | null {
  if (observer) return observer;
  if (typeof IntersectionObserver !== 'function') return null;
  // 300 px ahead: the element has its data by the time it scrolls into view
  observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const callback = waiting.get(entry.target);
        observer?.unobserve(entry.target);
        waiting.delete(entry.target);
        callback?.();
      }
    },
    { rootMargin: '300px' },
  );
  return observer;
}

/**
 * Calls `callback` once `element` comes near the viewport (at once where IntersectionObserver is
 * missing). Returns a function that stops waiting; one observer serves every element.
 */
export function whenNearViewport(element: Element, callback: Callback): () => void {
  const io = sharedObserver();
  if (!io) {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) callback();
    });
    return () => {
      cancelled = true;
    };
  }
  waiting.set(element, callback);
  io.observe(element);
  return () => {
    waiting.delete(element);
    io.unobserve(element);
  };
}
