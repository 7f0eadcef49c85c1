import { createElement, type ReactNode } from 'react';
import { SnapshotChart, type SnapshotChartProps } from '../../components/SnapshotChart.js';
import { EmbedConfigError, metrics, oneOf, pixels, videoIds } from '../attributes.js';
import { COMMON_ATTRIBUTES, ContentStatsElement } from '../ContentStatsElement.js';

/**
 * A live line chart of snapshots: several metrics of one video (`video-id`), or one metric across
 * videos (`video-ids`). Refreshes by itself when the API says a new snapshot exists.
 *
 * @element contentstats-chart
 * @summary Snapshot chart of one or more tracked videos.
 *
 * @attr {string} video-id - Id of the tracked video (several metrics).
 * @attr {string} video-ids - Ids of several videos, comma-separated (one metric, the first of `metrics`).
 * @attr {string} metrics - Comma-separated metrics: views, likes, comments, shares, saves. Default: views, likes, comments, shares (one video), views (several).
 * @attr {'total' | 'per-hour'} mode - Cumulative totals, or change per hour. Default: total.
 * @attr {'linear' | 'log'} scale - Value axis scale. Default: linear.
 * @attr {'time' | 'since-start'} align - Real time, or hours since each video's tracking began. Default: time.
 * @attr {number} height - Plot height in pixels.
 * @attr {'light' | 'dark' | 'auto'} theme - Built-in theme; `auto` follows the viewer. Default: the page's, else auto.
 * @attr {string} locale - BCP 47 locale of numbers and dates, e.g. de-DE. Default: the viewer's.
 * @attr {string} proxy-url - Mount path or URL of your ContentStats proxy. Default: the page's.
 * @attr {string} token-url - Token endpoint of your site. Default: the page's.
 *
 * @fires {CustomEvent<ContentStatsLoadDetail>} contentstats:load - The chart shows data for the first time.
 * @fires {CustomEvent<ContentStatsErrorDetail>} contentstats:error - The chart shows an error (API, attributes, drawing).
 *
 * @csspart base - The component's card.
 * @csspart plot - The SVG plot.
 * @csspart legend - The series toggles.
 * @csspart tooltip - The crosshair tooltip.
 * @csspart actions - The download buttons.
 * @csspart error - The error state; `retry` its button.
 * @csspart skeleton - The loading placeholder.
 * @csspart message - A configuration or access message.
 *
 * @cssprop --cs-color-accent - Accent color (buttons, focus).
 * @cssprop --cs-series-1 - First series color (up to --cs-series-8).
 * @cssprop --cs-color-surface - Card background.
 * @cssprop --cs-color-text - Text color.
 * @cssprop --cs-font-body - Font family.
 * @cssprop --cs-embed-placeholder-height - Height kept before the element renders. Default: 120px.
 */
export class ContentStatsChartElement extends ContentStatsElement {
  static override get observedAttributes(): string[] {
    return [...COMMON_ATTRIBUTES, 'video-id', 'video-ids', 'metrics', 'mode', 'scale', 'align', 'height'];
  }

  protected override videoIds(): string[] {
    try {
      const many = videoIds(this, 'video-ids');
      return many.length > 0 ? many : videoIds(this, 'video-id').slice(0, 1);
    } catch {
      return [];
    }
  }

  protected override renderContent(): ReactNode {
    const many = videoIds(this, 'video-ids');
    const one = videoIds(this, 'video-id');
    const chosen = metrics(this);
    const view = {
      mode: oneOf(this, 'mode', ['total', 'perHour'] as const, 'total'),
      scale: oneOf(this, 'scale', ['linear', 'log'] as const, 'linear'),
      align: oneOf(this, 'align', ['time', 'sinceStart'] as const, 'time'),
      ...optional('height', pixels(this, 'height')),
    };
    let props: SnapshotChartProps;
    if (many.length > 0) {
      props = { ...view, videoIds: many, ...optional('metric', chosen?.[0]) };
    } else if (one[0] !== undefined) {
      props = { ...view, videoId: one[0], ...optional('metrics', chosen) };
    } else {
      throw new EmbedConfigError('Set video-id (one video) or video-ids (several) on <contentstats-chart>.');
    }
    return createElement(SnapshotChart, props);
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
