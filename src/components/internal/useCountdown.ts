import { useEffect, useState } from 'react';

/**
 * Milliseconds left until `deadline` (ms on the viewer's clock), re-rendering once a second while
 * the component is mounted and the page is visible; `0` once it has passed or without a deadline.
 * Hidden tabs stop ticking (no wasted renders) and catch up the moment they are shown again.
 */
export function useCountdown(deadline: number | null | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null || deadline === undefined) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) stop();
    };
    const start = () => {
      tick();
      if (timer === undefined && Date.now() < deadline) timer = setInterval(tick, 1000);
    };
    const hasDocument = typeof document !== 'undefined';
    const onVisibility = () => (document.visibilityState === 'hidden' ? stop() : start());
    if (!hasDocument || document.visibilityState !== 'hidden') start();
    if (hasDocument) document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      if (hasDocument) document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [deadline]);
  return deadline === null || deadline === undefined ? 0 : Math.max(0, deadline - now);
}
