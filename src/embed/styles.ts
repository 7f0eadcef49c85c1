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

/** Host rules per theme: on `:host`, so a page rule on the element (`contentstats-chart { --cs-… }`) wins. */
const THEME_CSS: Record<ThemeName, string> = {
  light: `:host{${light}}`,
  dark: `:host{${dark}}`,
  auto: `:host{${light};color-scheme:light dark}@media (prefers-color-scheme:dark){:host{${dark}}}`,
};

// the elements' own static rules (`:host`, messages, placeholder) are in host.css.ts, with the
// components' CSS
const BASE_CSS = inherit ? `[data-cs-component][data-part]{${inherit}}` : '';

interface DocumentSheets {
  base: CSSStyleSheet;
  themes: Record<ThemeName, CSSStyleSheet>;
}

// one set of sheets per document (an element moved to an iframe's document needs that document's)
const sheetsByDocument = new WeakMap<Document, DocumentSheets | null>();

function supportsAdoption(root: ShadowRoot): boolean {
  try {
    return 'adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function';
  } catch {
    return false;
  }
}

function sheet(view: Window & typeof globalThis, css: string): CSSStyleSheet {
  const s = new view.CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

function documentSheets(root: ShadowRoot): DocumentSheets | null {
  const doc = root.ownerDocument;
  if (sheetsByDocument.has(doc)) return sheetsByDocument.get(doc) ?? null;
  let sheets: DocumentSheets | null = null;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && supportsAdoption(root)) {
    try {
      sheets = {
        base: sheet(view, BASE_CSS + COMPONENT_CSS),
        themes: {
          light: sheet(view, THEME_CSS.light),
          dark: sheet(view, THEME_CSS.dark),
          auto: sheet(view, THEME_CSS.auto),
        },
      };
    } catch {
      sheets = null;
    }
  }
  sheetsByDocument.set(doc, sheets);
  return sheets;
}

/**
 * Gives a shadow root our CSS and a theme: constructable stylesheets made once per document and
 * adopted by every element (no CSS parsed per element, nothing a CSP `style-src` blocks), or two
 * `<style>` elements where adoption is not supported (older browsers; those need 'unsafe-inline').
 */
export function applyStyles(root: ShadowRoot, theme: ThemeName): void {
  const sheets = documentSheets(root);
  if (sheets) {
    root.adoptedStyleSheets = [sheets.base, sheets.themes[theme]];
    return;
  }
  let base = root.querySelector<HTMLStyleElement>('style[data-cs-base]');
  let themed = root.querySelector<HTMLStyleElement>('style[data-cs-theme]');
  if (!base || !themed) {
    base = root.ownerDocument.createElement('style');
    base.setAttribute('data-cs-base', '');
    base.textContent = BASE_CSS + COMPONENT_CSS;
    themed = root.ownerDocument.createElement('style');
    themed.setAttribute('data-cs-theme', '');
    root.prepend(base, themed);
  }
  if (themed.getAttribute('data-cs-theme') !== theme) {
    themed.setAttribute('data-cs-theme', theme);
    themed.textContent = THEME_CSS[theme];
  }
}
