/** Debian's Chromium, which every browser test and benchmark drives (nothing downloads a browser). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for every launch: headless, and none of Chromium's own background connections (updates,
 * sync, QUIC probes), which fail noisily on a machine without internet. Each launch also gets a
 * fresh user-data dir (Playwright makes one unless a test gives its own).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
