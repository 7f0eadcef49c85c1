import { createElement, type ReactNode } from 'react';
import { MetricSummary } from '../../components/MetricSummary.js';
import { EmbedConfigError, metrics, videoIds } from '../attributes.js';
import { COMMON_ATTRIBUTES, ContentStatsElement } from '../ContentStatsElement.js';

/**
 * KPI cards of a tracked video: latest total, change over 24 hours, engagement rate, with a
 * countdown to the next snapshot.
 *
 * @element contentstats-summary
 * @summary Metric summary of a tracked video.
 *
 * @attr {string} video-id - Id of the tracked video.
 * @attr {string} metrics - The metric to summarise (the first one listed): views, likes, comments, shares, saves. Default: views.
 * @attr {'light' | 'dark' | 'auto'} theme - Built-in theme; `auto` follows the viewer. Default: the page's, else auto.
 * @attr {string} locale - BCP 47 locale of numbers and dates. Default: the viewer's.
 * @attr {string} proxy-url - Mount path or URL of your ContentStats proxy. Default: the page's.
 * @attr {string} token-url - Token endpoint of your site. Default: the page's.
 *
 * @fires {CustomEvent<ContentStatsLoadDetail>} contentstats:load - The summary shows data for the first time.
 * @fires {CustomEvent<ContentStatsErrorDetail>} contentstats:error - The summary shows an error.
 *
 * @csspart base - The component's card.
 * @csspart count - A formatted number (exact value on hover).
 * @csspart error - The error state; `retry` its button.
 * @csspart message - A configuration or access message.
 *
 * @cssprop --cs-color-accent - Accent color.
 * @cssprop --cs-color-surface - Card background.
 * @cssprop --cs-color-text - Text color.
 * @cssprop --cs-font-body - Font family.
 */
export class ContentStatsSummaryElement extends ContentStatsElement {
  static override get observedAttributes(): string[] {
    return [...COMMON_ATTRIBUTES, 'video-id', 'metrics'];
  }

  protected override videoIds(): string[] {
    try {
      return videoIds(this, 'video-id').slice(0, 1);
    } catch {
      return [];
    }
  }

  protected override renderContent(): ReactNode {
    const id = videoIds(this, 'video-id')[0];
    if (id === undefined) throw new EmbedConfigError('Set video-id on <contentstats-summary>.');
    const metric = metrics(this)?.[0];
    return createElement(MetricSummary, { videoId: id, ...(metric ? { metric } : {}) });
  }
}
