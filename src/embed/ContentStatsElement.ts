import { createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { isContentStatsError } from '../client/errors.js';
import type { Labels } from '../components/internal/labels.js';
import { ContentStatsUiContext } from '../components/internal/ui.js';
import { ContentStatsReactContext } from '../react/context.js';
import type { ThemeName, ThemeOverrides } from '../theme/index.js';
import { EmbedConfigError } from './attributes.js';
import { attr, onConfigChange, pageConfig, parseTheme } from './config.js';
import { type Connection, connectionFor } from './connection.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { type ContentStatsErrorSource, type ContentStatsEventMap, emit } from './events.js';
import * as host from './host.css.js';
import { HTMLElementBase } from './htmlElement.js';
import { applyStyles } from './styles.js';
import { whenNearViewport } from './visibility.js';

/** What an element's `theme` property accepts: a theme's name, or token overrides on a base theme. */
export type EmbedTheme = ThemeName | (ThemeOverrides & { base?: ThemeName });

/** Attributes every element reads. */
export const COMMON_ATTRIBUTES: readonly string[] = ['theme', 'locale', 'proxy-url', 'token-url'];

/** What an element's content is rendered with. */
export interface ElementContext {
  /** The page's shared client and cache for this element's proxy and token URL. */
  connection: Connection;
}

interface ScopeCheck {
  ok?: boolean;
  error?: unknown;
}

/**
 * Base of every `<contentstats-*>` element: attributes and properties become component props,
 * rendered with Preact into an open shadow root once the element nears the viewport, with the
 * page's shared client and cache. Failures show inside the element and fire `contentstats:error`;
 * nothing is thrown into the page.
 */
export abstract class ContentStatsElement extends HTMLElementBase {
  static get observedAttributes(): string[] {
    return [...COMMON_ATTRIBUTES];
  }

  #shadow: ShadowRoot | null = null;
  #mount: HTMLDivElement | null = null;
  #placeholder: HTMLDivElement | null = null;
  #root: Root | null = null;
  #mutations: MutationObserver | null = null;
  #cleanup: Array<() => void> = [];
  #near = false;
  #queued = false;
  #waitingForDom = false;
  #generation = 0;
  #state: string | null = null;
  #errorKey: string | null = null;
  #scopes = new Map<string, ScopeCheck>();
  #labels: Partial<Labels> | undefined;
  #themeOverrides: (ThemeOverrides & { base?: ThemeName }) | undefined;
  #retained: { key: string; release: () => void } | null = null;

  /** The scope a token must allow for this element to render (the tracker needs `track`). */
  protected requiredScope: string | null = null;

  /** The element's content: a connected component with props from the attributes. Throws `EmbedConfigError` for a bad attribute. */
  protected abstract renderContent(context: ElementContext): ReactNode;

  /** Videos the element shows, for event details. */
  protected videoIds(): string[] {
    return [];
  }

  /** Replacements for any of the English strings; merged over `<contentstats-config>`'s `labels`. */
  get labels(): Partial<Labels> | undefined {
    return this.#labels;
  }

  set labels(value: Partial<Labels> | undefined) {
    this.#labels = value && typeof value === 'object' ? value : undefined;
    this.#schedule();
  }

  /**
   * A theme name (same as the `theme` attribute) or token overrides, e.g.
   * `{ base: 'dark', color: { accent: '#7c3aed' } }`.
   */
  get theme(): EmbedTheme | undefined {
    return this.#themeOverrides ?? parseTheme(this.getAttribute('theme'));
  }

  set theme(value: EmbedTheme | undefined) {
    if (typeof value === 'string') {
      this.#themeOverrides = undefined;
      this.setAttribute('theme', value);
      return;
    }
    this.#themeOverrides = value && typeof value === 'object' ? value : undefined;
    this.#schedule();
  }

  /** Fires a `contentstats:*` event from this element (bubbles, composed). */
  protected emit<K extends keyof ContentStatsEventMap>(
    type: K,
    detail: Omit<ContentStatsEventMap[K]['detail'], 'element'>,
  ): void {
    emit(this, type, { element: this.localName, ...detail } as ContentStatsEventMap[K]['detail']);
  }

  connectedCallback(): void {
    // a property set before the element was defined is an own property that hides our setter
    for (const name of ['labels', 'theme'] as const) {
      if (Object.hasOwn(this, name)) {
        const value = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
    if (!this.#shadow) {
      const doc = this.ownerDocument;
      this.#shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      this.#mount = doc.createElement('div');
      this.#placeholder = doc.createElement('div');
      this.#placeholder.className = host.placeholder;
      this.#placeholder.setAttribute('part', 'placeholder');
      this.#shadow.append(this.#placeholder, this.#mount);
    }
    applyStyles(this.#shadow, this.#themeName());
    const shadow = this.#shadow;
    this.#mutations = new MutationObserver(() => this.#onMutation());
    this.#mutations.observe(shadow, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-part', 'data-state', 'data-error-code'],
    });
    this.#cleanup.push(onConfigChange(() => this.#schedule()));
    this.#cleanup.push(
      whenNearViewport(this, () => {
        this.#near = true;
        this.#schedule();
      }),
    );
  }

  disconnectedCallback(): void {
    for (const release of this.#cleanup.splice(0)) release();
    this.#mutations?.disconnect();
    this.#mutations = null;
    // unmounting unsubscribes every query observer: no more requests for this element
    this.#root?.unmount();
    this.#root = null;
    this.#retained?.release();
    this.#retained = null;
    this.#near = false;
    this.#waitingForDom = false;
    this.#state = null;
    this.#errorKey = null;
    if (this.#placeholder && this.#shadow && !this.#placeholder.isConnected)
      this.#shadow.prepend(this.#placeholder);
  }

  attributeChangedCallback(_name: string, previous: string | null, next: string | null): void {
    if (previous !== next) this.#schedule();
  }

  #themeName(): ThemeName {
    return (
      this.#themeOverrides?.base ??
      parseTheme(this.getAttribute('theme')) ??
      pageConfig(this.ownerDocument).theme ??
      'auto'
    );
  }

  /** Renders once per task, however many attributes changed. */
  #schedule(): void {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      try {
        this.#render();
      } catch (error) {
        // last resort: whatever went wrong stays in the element, never in the page
        const text = error instanceof Error ? error.message : String(error);
        try {
          this.#show(this.#message(text), null);
        } catch {
          // nothing more can be drawn; the event below still tells the page
        }
        this.#report('render', 'render', text);
      }
    });
  }

  #render(): void {
    if (!this.isConnected || !this.#near || !this.#shadow) return;
    const doc = this.ownerDocument;
    if (doc.readyState === 'loading') {
      // a <contentstats-config> further down the page may not be parsed yet
      if (!this.#waitingForDom) {
        this.#waitingForDom = true;
        const ready = () => {
          this.#waitingForDom = false;
          this.#schedule();
        };
        doc.addEventListener('DOMContentLoaded', ready, { once: true });
        this.#cleanup.push(() => doc.removeEventListener('DOMContentLoaded', ready));
      }
      return;
    }
    const generation = ++this.#generation;
    const page = pageConfig(doc);
    const theme = this.#themeName();
    applyStyles(this.#shadow, theme);

    let connection: Connection;
    let content: ReactNode;
    try {
      const proxyUrl = attr(this, 'proxy-url') ?? page.proxyUrl;
      if (!proxyUrl) {
        throw new EmbedConfigError(
          'No proxy-url: set it on this element, on <contentstats-config>, or as data-proxy-url on the script tag.',
        );
      }
      connection = connectionFor(proxyUrl, attr(this, 'token-url') ?? page.tokenUrl, doc.baseURI);
      content = this.renderContent({ connection });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#show(this.#message(message), null);
      this.#report(error instanceof EmbedConfigError ? 'config' : 'render', 'invalid_config', message);
      return;
    }

    if (this.requiredScope !== null) {
      const blocked = this.#checkScope(connection, this.requiredScope);
      if (blocked !== undefined) {
        this.#show(blocked, null);
        return;
      }
    }

    const overrides = this.#themeOverrides;
    const locale = attr(this, 'locale') ?? page.locale;
    const boundary = createElement(
      ErrorBoundary,
      {
        resetKey: String(generation),
        fallback: (error: unknown) =>
          this.#message(`This element could not be drawn: ${String((error as Error)?.message ?? error)}`),
        onError: (error: unknown) =>
          this.#report('render', 'render', String((error as Error)?.message ?? error)),
      },
      content,
    );
    // the contexts <ContentStatsProvider> would give, without its persistence (never used here)
    const tree = createElement(
      ContentStatsReactContext.Provider,
      // a new proxy or token URL is a new client and cache: remount
      { key: connection.key, value: connection.context },
      createElement(
        ContentStatsUiContext.Provider,
        {
          value: {
            theme: overrides ? { ...overrides, base: theme } : theme,
            locale,
            labels: { ...page.labels, ...this.#labels },
          },
        },
        boundary,
      ),
    );
    this.#show(tree, connection);
  }

  /**
   * Whether the page's token allows `scope`: `undefined` until known (the element renders again
   * then), `false` without a token endpoint or when the token cannot be had.
   */
  protected tokenAllows(connection: Connection, scope: string): boolean | undefined {
    const check = this.#scopeCheck(connection, scope);
    if (check === undefined) return undefined;
    return check.error === undefined ? check.ok : false;
  }

  #scopeCheck(connection: Connection, scope: string): ScopeCheck | undefined {
    if (!connection.hasTokens) return { ok: false };
    const key = `${connection.key} ${scope}`;
    const known = this.#scopes.get(key);
    if (known) return known.ok === undefined && known.error === undefined ? undefined : known;
    const started: ScopeCheck = {};
    this.#scopes.set(key, started);
    connection.allows(scope).then(
      (ok) => {
        started.ok = ok;
        this.#schedule();
      },
      (error: unknown) => {
        started.error = error;
        this.#schedule();
      },
    );
    return undefined;
  }

  /**
   * `undefined` when the token allows `scope`; otherwise what to show instead (nothing while
   * the token is being fetched). Read-only is the default: no token endpoint, no writes.
   */
  #checkScope(connection: Connection, scope: string): ReactNode | undefined {
    if (!connection.hasTokens) {
      const text = `This element needs a token-url whose tokens allow "${scope}". It is read-only without one.`;
      this.#report('scope', 'forbidden', text);
      return this.#message(text);
    }
    const check = this.#scopeCheck(connection, scope);
    if (check === undefined) return null;
    const { error } = check;
    if (error !== undefined) {
      const known = isContentStatsError(error);
      const text = known ? error.message : 'No access token could be fetched.';
      // asked again on the next render: the visitor may have signed in meanwhile
      this.#scopes.delete(`${connection.key} ${scope}`);
      this.#report('api', known ? error.code : 'unauthorized', text);
      return this.#message(text);
    }
    if (check.ok) return undefined;
    const text = `This page's access token does not allow "${scope}": this element is read-only here. Ask the site owner for a token with the "${scope}" scope.`;
    this.#report('scope', 'forbidden', text);
    return this.#message(text);
  }

  #message(text: string): ReactNode {
    return createElement(
      'div',
      { className: host.message, 'data-kind': 'error', 'data-part': 'message', role: 'alert' },
      text,
    );
  }

  /** Only called while rendering, which needs the shadow root: the mount point is there. */
  #show(tree: ReactNode, connection: Connection | null): void {
    if (this.#retained?.key !== connection?.key) {
      this.#retained?.release();
      this.#retained = connection ? { key: connection.key, release: connection.retain() } : null;
    }
    this.#placeholder?.remove();
    this.#root ??= createRoot(this.#mount as HTMLDivElement);
    this.#root.render(tree);
  }

  #report(source: ContentStatsErrorSource, code: string, message: string): void {
    const key = `${source} ${code} ${message}`;
    if (key === this.#errorKey) return;
    this.#errorKey = key;
    this.#state = 'error';
    this.emit('contentstats:error', { code, message, source, videoIds: this.videoIds() });
  }

  /** Keeps `part` in step with the components' `data-part`, and turns state changes into events. */
  #onMutation(): void {
    // observed only once the shadow root exists
    for (const element of (this.#shadow as ShadowRoot).querySelectorAll('[data-part]')) {
      const part = element.getAttribute('data-part') as string;
      if (element.getAttribute('part') !== part) element.setAttribute('part', part);
    }
    const root = this.#mount?.querySelector('[data-cs-component]');
    if (!root) return;
    const state = root.getAttribute('data-state');
    if (state === 'ready' || state === 'empty') {
      if (this.#state !== 'ready' && this.#state !== 'empty') {
        this.#state = state;
        this.#errorKey = null;
        this.emit('contentstats:load', { state, videoIds: this.videoIds() });
      }
      return;
    }
    if (state === 'error') {
      const code = root.querySelector('[data-error-code]')?.getAttribute('data-error-code') ?? 'unknown';
      const message = root.querySelector('[data-part="error-message"]')?.textContent ?? '';
      this.#report('api', code, message);
      return;
    }
    this.#state = state;
  }
}
