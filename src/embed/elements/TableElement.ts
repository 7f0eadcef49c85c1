import { createElement, type ReactNode } from 'react';
import { SnapshotTable } from '../../components/SnapshotTable.js';
import { EmbedConfigError, metrics, videoIds } from '../attributes.js';
import { COMMON_ATTRIBUTES, ContentStatsElement } from '../ContentStatsElement.js';

/**
 * The snapshots of a tracked video as a sortable, paged table with CSV export.
 *
 * @element contentstats-table
 * @summary Snapshot table of a tracked video.
 *
 * @attr {string} video-id - Id of the tracked video.
 * @attr {string} metrics - Comma-separated columns: views, likes, comments, shares, saves. Default: all.
 * @attr {'light' | 'dark' | 'auto'} theme - Built-in theme; `auto` follows the viewer. Default: the page's, else auto.
 * @attr {string} locale - BCP 47 locale of numbers and dates. Default: the viewer's.
 * @attr {string} proxy-url - Mount path or URL of your ContentStats proxy. Default: the page's.
 * @attr {string} token-url - Token endpoint of your site. Default: the page's.
 *
 * @fires {CustomEvent<ContentStatsLoadDetail>} contentstats:load - The table shows data for the first time.
 * @fires {CustomEvent<ContentStatsErrorDetail>} contentstats:error - The table shows an error.
 *
 * @csspart base - The component's card.
 * @csspart table - The table.
 * @csspart row - A body row.
 * @csspart column-header - A sortable column header.
 * @csspart pager - The pager; `previous-page`, `next-page`, `page-size` its controls.
 * @csspart export - The CSV export button.
 * @csspart error - The error state; `retry` its button.
 * @csspart message - A configuration or access message.
 *
 * @cssprop --cs-color-accent - Accent color (buttons, focus).
 * @cssprop --cs-color-surface - Card background.
 * @cssprop --cs-color-text - Text color.
 * @cssprop --cs-font-body - Font family.
 */
export class ContentStatsTableElement extends ContentStatsElement {
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
    if (id === undefined) throw new EmbedConfigError('Set video-id on <contentstats-table>.');
    const chosen = metrics(this);
    return createElement(SnapshotTable, { videoId: id, ...(chosen ? { metrics: chosen } : {}) });
  }
}
