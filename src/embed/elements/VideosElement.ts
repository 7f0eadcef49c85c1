import { createElement, type ReactNode } from 'react';
import { VideoList } from '../../components/VideoList.js';
import type { ElementContext } from '../ContentStatsElement.js';
import { COMMON_ATTRIBUTES, ContentStatsElement } from '../ContentStatsElement.js';
import { attr } from '../config.js';

/**
 * The tracked videos with their status, filterable by platform. Read-only unless the page's
 * token allows `stop`: then each running tracking gets a Stop button (with a confirmation).
 *
 * @element contentstats-videos
 * @summary List of tracked videos.
 *
 * @attr {string} platform - Show only this platform's videos, e.g. tiktok.
 * @attr {'light' | 'dark' | 'auto'} theme - Built-in theme; `auto` follows the viewer. Default: the page's, else auto.
 * @attr {string} locale - BCP 47 locale of numbers and dates. Default: the viewer's.
 * @attr {string} proxy-url - Mount path or URL of your ContentStats proxy. Default: the page's.
 * @attr {string} token-url - Token endpoint of your site. Default: the page's.
 *
 * @fires {CustomEvent<ContentStatsLoadDetail>} contentstats:load - The list shows data for the first time.
 * @fires {CustomEvent<ContentStatsErrorDetail>} contentstats:error - The list shows an error.
 *
 * @csspart base - The component's card.
 * @csspart list - The list; `item` each video.
 * @csspart link - A video's link.
 * @csspart status - A status badge.
 * @csspart counts - A video's counts.
 * @csspart platform-filter - The platform filter.
 * @csspart stop - A Stop button (only with a stop-scoped token); `stop-confirm` its confirmation.
 * @csspart error - The error state; `retry` its button.
 * @csspart message - A configuration or access message.
 *
 * @cssprop --cs-color-accent - Accent color.
 * @cssprop --cs-color-surface - Card background.
 * @cssprop --cs-color-text - Text color.
 * @cssprop --cs-font-body - Font family.
 */
export class ContentStatsVideosElement extends ContentStatsElement {
  static override get observedAttributes(): string[] {
    return [...COMMON_ATTRIBUTES, 'platform'];
  }

  protected override renderContent({ connection }: ElementContext): ReactNode {
    const platform = attr(this, 'platform') ?? null;
    return createElement(VideoList, {
      // a new platform starts a new list (it is the list's initial filter)
      key: platform ?? '',
      defaultPlatform: platform,
      readOnly: this.tokenAllows(connection, 'stop') !== true,
    });
  }
}
