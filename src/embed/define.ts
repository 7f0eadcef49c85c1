// biome-ignore assist/source/organizeImports: the elements' order sets the modules' order in dist/embed.js
import { ContentStatsConfigElement } from './ConfigElement.js';
import { type PageConfig, setScriptConfig } from './config.js';
// The bundler lays the modules out in the order they are first imported. With the chart's element
// first (the alphabetical order), its ~10 KB of chart code came before the client, hooks and
// ContentStatsElement; with the chart last, dist/embed.js is ~200 B smaller in gzip (measured).
// Of the 24 orders with the videos first and the chart last, this one is the smallest (−21 B on
// the order before it, measured before the build's gzip ordering of the function declarations,
// which now moves most of the code anyway).
import { ContentStatsVideosElement } from './elements/VideosElement.js';
import { ContentStatsTrackerElement } from './elements/TrackerElement.js';
import { ContentStatsTableElement } from './elements/TableElement.js';
import { ContentStatsSummaryElement } from './elements/SummaryElement.js';
import { ContentStatsUsageElement } from './elements/UsageElement.js';
import { ContentStatsChartElement } from './elements/ChartElement.js';

/** Every element's tag and class. */
export const elements = {
  'contentstats-config': ContentStatsConfigElement,
  'contentstats-chart': ContentStatsChartElement,
  'contentstats-table': ContentStatsTableElement,
  'contentstats-summary': ContentStatsSummaryElement,
  'contentstats-tracker': ContentStatsTrackerElement,
  'contentstats-usage': ContentStatsUsageElement,
  'contentstats-videos': ContentStatsVideosElement,
} as const;

/**
 * Registers the `<contentstats-*>` elements (those already registered, e.g. by a second copy of
 * the script, are left alone). `defaults` are page-wide settings, like the script tag's `data-*`.
 *
 * @example
 * import { defineElements } from 'contentstats-kit/embed';
 * defineElements({ proxyUrl: '/api/contentstats', tokenUrl: '/api/contentstats-token' });
 */
export function defineElements(defaults?: PageConfig, registry?: CustomElementRegistry): void {
  if (defaults) setScriptConfig(defaults);
  // on a server (an SSR import) there is nothing to register
  const target = registry ?? (typeof customElements === 'undefined' ? undefined : customElements);
  if (!target) return;
  for (const [tag, element] of Object.entries(elements)) {
    if (!target.get(tag)) target.define(tag, element);
  }
}
