import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { Labels } from '../components/internal/labels.js';
import type { ContentStatsConfigElement } from './ConfigElement.js';
import type { EmbedTheme } from './ContentStatsElement.js';
import type { ContentStatsChartElement } from './elements/ChartElement.js';
import type { ContentStatsSummaryElement } from './elements/SummaryElement.js';
import type { ContentStatsTableElement } from './elements/TableElement.js';
import type { ContentStatsTrackerElement } from './elements/TrackerElement.js';
import type { ContentStatsUsageElement } from './elements/UsageElement.js';
import type { ContentStatsVideosElement } from './elements/VideosElement.js';
import type { ContentStatsEventMap } from './events.js';

/** Attributes every element takes. */
interface CommonAttributes {
  theme?: EmbedTheme;
  locale?: string;
  'proxy-url'?: string;
  'token-url'?: string;
  /** A property (React 19 sets it as one): replacements for any of the English strings. */
  labels?: Partial<Labels>;
}

/** Attributes of the elements that show one or more videos. */
interface VideoAttributes extends CommonAttributes {
  'video-id'?: string;
  metrics?: string;
}

type ElementProps<E, A> = DetailedHTMLProps<HTMLAttributes<E>, E> & A;

declare global {
  interface HTMLElementTagNameMap {
    'contentstats-config': ContentStatsConfigElement;
    'contentstats-chart': ContentStatsChartElement;
    'contentstats-table': ContentStatsTableElement;
    'contentstats-summary': ContentStatsSummaryElement;
    'contentstats-tracker': ContentStatsTrackerElement;
    'contentstats-usage': ContentStatsUsageElement;
    'contentstats-videos': ContentStatsVideosElement;
  }
  // the events bubble and are composed: typed on every element and on the document
  interface HTMLElementEventMap extends ContentStatsEventMap {}
  interface DocumentEventMap extends ContentStatsEventMap {}
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'contentstats-config': ElementProps<
        ContentStatsConfigElement,
        Omit<CommonAttributes, 'theme'> & { theme?: 'light' | 'dark' | 'auto' }
      >;
      'contentstats-chart': ElementProps<
        ContentStatsChartElement,
        VideoAttributes & {
          'video-ids'?: string;
          mode?: 'total' | 'per-hour';
          scale?: 'linear' | 'log';
          align?: 'time' | 'since-start';
          height?: number | string;
        }
      >;
      'contentstats-table': ElementProps<ContentStatsTableElement, VideoAttributes>;
      'contentstats-summary': ElementProps<ContentStatsSummaryElement, VideoAttributes>;
      'contentstats-tracker': ElementProps<ContentStatsTrackerElement, CommonAttributes & { link?: string }>;
      'contentstats-usage': ElementProps<
        ContentStatsUsageElement,
        CommonAttributes & { 'low-balance'?: number | string }
      >;
      'contentstats-videos': ElementProps<
        ContentStatsVideosElement,
        CommonAttributes & { platform?: string }
      >;
    }
  }
}
