import { useEffect, useState } from 'react';

/**
 * Milliseconds left until `deadline` (ms on the viewer's clock), re-rendering once a second while
 * the component is mounted and the page is visible; `0` once it has passed, `null` without a deadline.
 * Hidden tabs stop ticking (no wasted renders) and catch up the moment they are shown again.
 */
export function useCountdown(deadline: number | null | undefined): number | null {
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
  if (deadline === null || deadline === undefined) return null;
  return Math.max(0, deadline - now);
}
