import { createElement, type ReactNode } from 'react';
import type { TrackedVideo } from '../../client/types.js';
import { VideoTracker } from '../../components/VideoTracker.js';
import { COMMON_ATTRIBUTES, ContentStatsElement } from '../ContentStatsElement.js';
import { attr } from '../config.js';

/**
 * A form that starts tracking a video link: the link is checked as you type, the cost is shown
 * beside the balance. Works only with a `token-url` whose tokens carry the `track` scope:
 * elsewhere it shows why it is read-only.
 *
 * @element contentstats-tracker
 * @summary Start tracking a video (needs a track-scoped token).
 *
 * @attr {string} link - A link to fill in.
 * @attr {'light' | 'dark' | 'auto'} theme - Built-in theme; `auto` follows the viewer. Default: the page's, else auto.
 * @attr {string} locale - BCP 47 locale of numbers and money. Default: the viewer's.
 * @attr {string} proxy-url - Mount path or URL of your ContentStats proxy. Default: the page's.
 * @attr {string} token-url - Token endpoint of your site; its tokens must allow `track`. Default: the page's.
 *
 * @fires {CustomEvent<ContentStatsTrackedDetail>} contentstats:tracked - A tracking started; `detail.video` is the API's answer.
 * @fires {CustomEvent<ContentStatsLoadDetail>} contentstats:load - The form is ready.
 * @fires {CustomEvent<ContentStatsErrorDetail>} contentstats:error - The token does not allow tracking, or a request failed.
 *
 * @csspart base - The component's card.
 * @csspart form - The form.
 * @csspart link-input - The link field; `link-error` its message.
 * @csspart duration-input - The duration field; `duration-error` its message.
 * @csspart cost - Cost and balance.
 * @csspart submit - The submit button.
 * @csspart result - The result line.
 * @csspart message - A configuration or access message.
 *
 * @cssprop --cs-color-accent - Accent color (submit button, focus).
 * @cssprop --cs-color-surface - Card background.
 * @cssprop --cs-color-text - Text color.
 * @cssprop --cs-font-body - Font family.
 */
export class ContentStatsTrackerElement extends ContentStatsElement {
  static override get observedAttributes(): string[] {
    return [...COMMON_ATTRIBUTES, 'link'];
  }

  protected override requiredScope: string | null = 'track';

  protected override renderContent(): ReactNode {
    const link = attr(this, 'link');
    return createElement(VideoTracker, {
      ...(link ? { defaultLink: link } : {}),
      onTracked: (video: TrackedVideo) => this.emit('contentstats:tracked', { video }),
    });
  }
}
