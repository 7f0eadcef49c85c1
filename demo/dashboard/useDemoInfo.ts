import { useEffect, useState } from 'react';
import type { DemoInfo } from '../site.js';

/** What the demo server says about itself (`GET /api/demo-info`): local or real API, Storybook built. */
export function useDemoInfo(): DemoInfo | null {
  const [info, setInfo] = useState<DemoInfo | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/demo-info', { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<DemoInfo>) : null))
      .then((body) => {
        if (body) setInfo(body);
      })
      .catch(() => {
        // the header then just shows less; the components report their own errors
      });
    return () => controller.abort();
  }, []);
  return info;
}
