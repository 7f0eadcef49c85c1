import { darkTheme, lightTheme, type ThemeName } from '../theme/index.js';

/**
 * The components' CSS as one string. The embed build replaces this placeholder with a call of a
 * function at the end of the script that returns the vanilla-extract CSS it emitted (see
 * vite.embed.config.ts), so the CSS ships inside the script.
 */
const COMPONENT_CSS = '__CONTENTSTATS_EMBED_CSS__';

/**
 * The declarations of a theme class's rule in the component CSS (`--cs-color-text:#1b1f24;…`).
 * vanilla-extract's class names are letters, digits, `_` and `-`: nothing to escape in a pattern.
 */
function themeDeclarations(className: string): string {
  return new RegExp(`\\.${className}\\{([^}]*)}`).exec(COMPONENT_CSS)?.[1] ?? '';
}

// the theme values live once, in the theme classes' CSS; they are read from there, not shipped twice
const light = themeDeclarations(lightTheme);
const dark = themeDeclarations(darkTheme);
// the component root carries a theme class that sets every variable again; resetting them to
// `inherit` there lets the host's values count (ours on :host, or the page's, which win over :host).
// Without the theme rules (never expected) the root keeps its class's values and nothing is reset.
const inherit =
  light && dark
    ? light.replace(/(--cs-[\w-]+):[^;]*;?/g, '$1:inherit;').replace(/color-scheme:[^;]*;?/, '')
    : '';

// the elements' own static rules (`:host`, messages, placeholder) are in host.css.ts, with the
// components' CSS
/**
 * The CSS of each sheet: `base` (the components' CSS) and the host rules of each theme, on
 * `:host`, so a page rule on the element (`contentstats-chart { --cs-… }`) wins.
 */
const CSS: Record<'base' | ThemeName, string> = {
  base: (inherit ? `[data-cs-component][data-part]{${inherit}}` : '') + COMPONENT_CSS,
  light: `:host{${light}}`,
  dark: `:host{${dark}}`,
  auto: `:host{${light};color-scheme:light dark}@media (prefers-color-scheme:dark){:host{${dark}}}`,
};

// one set of sheets per document (an element moved to an iframe's document needs that document's),
// `null` where adoption is not supported
const sheetsByDocument = new WeakMap<Document, Record<string, CSSStyleSheet> | null>();

function documentSheets(root: ShadowRoot): Record<string, CSSStyleSheet> | null | undefined {
  const doc = root.ownerDocument;
  if (!sheetsByDocument.has(doc)) {
    let sheets: Record<string, CSSStyleSheet> | null = null;
    try {
      const view = doc.defaultView as (Window & typeof globalThis) | null;
      if (view && 'adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
        sheets = {};
        for (const [name, css] of Object.entries(CSS)) {
          const sheet = new view.CSSStyleSheet();
          sheet.replaceSync(css);
          sheets[name] = sheet;
        }
      }
    } catch {
      sheets = null;
    }
    sheetsByDocument.set(doc, sheets);
  }
  return sheetsByDocument.get(doc);
}

/**
 * Gives a shadow root our CSS and a theme: constructable stylesheets made once per document and
 * adopted by every element (no CSS parsed per element, nothing a CSP `style-src` blocks), or two
 * `<style>` elements where adoption is not supported (older browsers; those need 'unsafe-inline').
 */
export function applyStyles(root: ShadowRoot, theme: ThemeName): void {
  const sheets = documentSheets(root);
  if (sheets) {
    root.adoptedStyleSheets = [sheets.base as CSSStyleSheet, sheets[theme] as CSSStyleSheet];
    return;
  }
  let themed = root.querySelector('style[data-cs-theme]');
  if (!root.querySelector('style[data-cs-base]') || !themed) {
    const style = (marker: string) => {
      const element = root.ownerDocument.createElement('style');
      element.setAttribute(marker, '');
      return element;
    };
    const base = style('data-cs-base');
    base.textContent = CSS.base;
    themed = style('data-cs-theme');
    root.prepend(base, themed);
  }
  if (themed.getAttribute('data-cs-theme') !== theme) {
    themed.setAttribute('data-cs-theme', theme);
    themed.textContent = CSS[theme];
  }
}
