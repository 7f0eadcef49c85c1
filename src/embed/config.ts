import type { Labels } from '../components/internal/labels.js';
import type { ThemeName } from '../theme/index.js';

/** Page-wide defaults every element falls back on. */
export interface PageConfig {
  /** Mount path or URL of the ContentStats proxy, e.g. `/api/contentstats`. */
  proxyUrl?: string | undefined;
  /** URL of the token endpoint that issues short-lived scoped tokens. */
  tokenUrl?: string | undefined;
  theme?: ThemeName | undefined;
  locale?: string | undefined;
  labels?: Partial<Labels> | undefined;
}

/** The tag of the page-level configuration element. */
export const CONFIG_TAG = 'contentstats-config';

/** `"dark"` → `'dark'`; anything else → `undefined`. */
export function parseTheme(value: string | null | undefined): ThemeName | undefined {
  return value === 'light' || value === 'dark' || value === 'auto' ? value : undefined;
}

/** An attribute's trimmed value; `undefined` when absent or blank. */
export function attr(element: Element, name: string): string | undefined {
  return element.getAttribute(name)?.trim() || undefined;
}

let scriptConfig: PageConfig = {};
const listeners = new Set<() => void>();
let notifyQueued = false;

/** Reads `data-proxy-url`, `data-token-url`, `data-theme` and `data-locale` of the embed's script tag. */
export function readScriptConfig(script: Element | null): PageConfig {
  if (!script) return {};
  return {
    proxyUrl: attr(script, 'data-proxy-url'),
    tokenUrl: attr(script, 'data-token-url'),
    theme: parseTheme(script.getAttribute('data-theme')),
    locale: attr(script, 'data-locale'),
  };
}

/** Sets the script tag's defaults (or those given to `defineElements`). */
export function setScriptConfig(config: PageConfig): void {
  scriptConfig = { ...config };
  notifyConfigChange();
}

/** Defaults of `doc`: a `<contentstats-config>` element's attributes over the script tag's. */
export function pageConfig(doc: Document): PageConfig {
  const element = doc.querySelector(CONFIG_TAG);
  if (!element) return scriptConfig;
  const labels = (element as Element & { labels?: Partial<Labels> }).labels;
  return {
    proxyUrl: attr(element, 'proxy-url') ?? scriptConfig.proxyUrl,
    tokenUrl: attr(element, 'token-url') ?? scriptConfig.tokenUrl,
    theme: parseTheme(element.getAttribute('theme')) ?? scriptConfig.theme,
    locale: attr(element, 'locale') ?? scriptConfig.locale,
    labels: labels && typeof labels === 'object' ? labels : scriptConfig.labels,
  };
}

/** Calls `listener` (batched, once per task) whenever page defaults change; returns an unsubscribe. */
export function onConfigChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every element to read the page defaults again (a config element appeared or changed). */
export function notifyConfigChange(): void {
  if (notifyQueued) return;
  notifyQueued = true;
  queueMicrotask(() => {
    notifyQueued = false;
    for (const listener of [...listeners]) listener();
  });
}
