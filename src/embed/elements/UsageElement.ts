import { createElement, type ReactNode } from 'react';
import { UsageMeter } from '../../components/UsageMeter.js';
import { COMMON_ATTRIBUTES, ContentStatsElement } from '../ContentStatsElement.js';

/**
 * The account's balance, plan, tracked videos against the plan's limit and the rate limit.
 * Needs a token with the `usage` scope and a proxy that forwards usage.
 *
 * @element contentstats-usage
 * @summary Balance, plan and limits of the account.
 *
 * @attr {number} low-balance - Warn below this balance in USD.
 * @attr {'light' | 'dark' | 'auto'} theme - Built-in theme; `auto` follows the viewer. Default: the page's, else auto.
 * @attr {string} locale - BCP 47 locale of numbers and money. Default: the viewer's.
 * @attr {string} proxy-url - Mount path or URL of your ContentStats proxy. Default: the page's.
 * @attr {string} token-url - Token endpoint of your site; its tokens must allow `usage`. Default: the page's.
 *
 * @fires {CustomEvent<ContentStatsLoadDetail>} contentstats:load - The meter shows data for the first time.
 * @fires {CustomEvent<ContentStatsErrorDetail>} contentstats:error - The meter shows an error.
 *
 * @csspart base - The component's card.
 * @csspart balance - The balance.
 * @csspart low-balance - The low-balance warning.
 * @csspart plan - The plan.
 * @csspart videos - Tracked videos against the limit.
 * @csspart rate-limit - The rate limit; `rate-limit-reset` its countdown.
 * @csspart error - The error state; `retry` its button.
 * @csspart message - A configuration or access message.
 *
 * @cssprop --cs-color-accent - Meter fill.
 * @cssprop --cs-color-warning - Warning color.
 * @cssprop --cs-color-surface - Card background.
 * @cssprop --cs-color-text - Text color.
 */
export class ContentStatsUsageElement extends ContentStatsElement {
  static override get observedAttributes(): string[] {
    return [...COMMON_ATTRIBUTES, 'low-balance'];
  }

  protected override renderContent(): ReactNode {
    const raw = this.getAttribute('low-balance');
    const threshold = raw === null ? Number.NaN : Number(raw);
    return createElement(UsageMeter, Number.isFinite(threshold) ? { lowBalanceThreshold: threshold } : {});
  }
}
