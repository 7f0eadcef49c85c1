import type { Labels } from '../components/internal/labels.js';
import { notifyConfigChange } from './config.js';
import { HTMLElementBase } from './htmlElement.js';

/**
 * Page-wide defaults for every `<contentstats-*>` element: one proxy, one token endpoint, one
 * theme and locale. Elements with the same proxy and token URL share one client, one token and
 * one cache. Renders nothing. Its attributes win over the script tag's `data-*` attributes;
 * an element's own attributes win over both.
 *
 * @element contentstats-config
 * @summary Page defaults for the ContentStats elements.
 *
 * @attr {string} proxy-url - Mount path or URL of your ContentStats proxy, e.g. /api/contentstats.
 * @attr {string} token-url - Token endpoint of your site (issues short-lived scoped tokens).
 * @attr {'light' | 'dark' | 'auto'} theme - Theme of every element. Default: auto.
 * @attr {string} locale - BCP 47 locale of every element. Default: the viewer's.
 */
export class ContentStatsConfigElement extends HTMLElementBase {
  static get observedAttributes(): string[] {
    return ['proxy-url', 'token-url', 'theme', 'locale'];
  }

  #labels: Partial<Labels> | undefined;

  /** Replacements for any of the English strings, for every element on the page. */
  get labels(): Partial<Labels> | undefined {
    return this.#labels;
  }

  set labels(value: Partial<Labels> | undefined) {
    this.#labels = value && typeof value === 'object' ? value : undefined;
    notifyConfigChange();
  }

  connectedCallback(): void {
    if (Object.hasOwn(this, 'labels')) {
      const value = (this as { labels?: Partial<Labels> }).labels;
      delete (this as { labels?: Partial<Labels> }).labels;
      this.labels = value;
    }
    // hidden without a stylesheet: it is configuration, not content
    this.hidden = true;
    notifyConfigChange();
  }

  disconnectedCallback(): void {
    notifyConfigChange();
  }

  attributeChangedCallback(): void {
    notifyConfigChange();
  }
}
