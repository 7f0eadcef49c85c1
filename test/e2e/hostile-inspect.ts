import type { Page } from 'playwright-core';
import { FLAG } from './hostile-server';

/** What the page looks like from the inside, across every shadow root. */
export interface Inspection {
  flag: unknown;
  images: number;
  scripts: number;
  /** Elements carrying an event-handler attribute (`onerror`, `onload`, …). */
  handlers: string[];
  /** URL attributes (href, src, action, …) whose value is a `javascript:` URL. */
  javascriptUrls: string[];
  /** `[href^="javascript" i]` matches. */
  javascriptHrefs: number;
  /** `<style>` elements whose text came from data (they would hide everything). */
  injectedStyles: number;
  text: string;
  afterVisible: boolean;
  pageOverflow: number;
  /** Elements whose visible box leaves their element's box, with how far. */
  escapes: string[];
}

/**
 * Looks at the page across every shadow root. `hosts` selects the elements whose boxes the
 * layout check holds their content to (an embed element, or a React component's root).
 */
export function inspect(page: Page, hosts: string): Promise<Inspection> {
  return page.evaluate(
    ([flag, hostSelector]) => {
      const all: Element[] = [];
      const texts: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          all.push(element);
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(document);
      const roots: (Document | ShadowRoot)[] = [document];
      for (const element of all) if (element.shadowRoot) roots.push(element.shadowRoot);
      for (const root of roots) {
        const body = root instanceof Document ? root.body : root;
        texts.push(body?.textContent ?? '');
        for (const element of root.querySelectorAll('[title], [aria-label]'))
          texts.push(`${element.getAttribute('title')} ${element.getAttribute('aria-label')}`);
      }
      // attributes a browser follows or loads (a title saying 'javascript:' is only text)
      const URL_ATTRIBUTES = [
        'href',
        'xlink:href',
        'src',
        'srcset',
        'action',
        'formaction',
        'data',
        'poster',
      ];
      const handlers: string[] = [];
      const javascriptUrls: string[] = [];
      for (const element of all) {
        for (const attribute of element.attributes) {
          if (attribute.name.toLowerCase().startsWith('on'))
            handlers.push(`${element.localName}[${attribute.name}]`);
          // what a browser would follow or load: javascript: after stripping controls and spaces
          const value = attribute.value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
          if (URL_ATTRIBUTES.includes(attribute.name.toLowerCase()) && value.startsWith('javascript:'))
            javascriptUrls.push(`${element.localName}[${attribute.name}]`);
        }
      }
      const escapes: string[] = [];
      for (const host of document.querySelectorAll(hostSelector)) {
        const id = host.id || host.getAttribute('data-cs-component') || host.localName;
        const content = host.shadowRoot ?? host;
        const box = host.getBoundingClientRect();
        const parent = host.parentElement?.getBoundingClientRect();
        if (parent && box.right > parent.right + 1) escapes.push(`${id}: wider than its container`);
        for (const element of content.querySelectorAll('*')) {
          // the visible part: the box clipped by every ancestor that hides overflow
          let rect = element.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue;
          let left = rect.left;
          let right = rect.right;
          let top = rect.top;
          let bottom = rect.bottom;
          for (let a = element.parentElement; a && a !== host; a = a.parentElement) {
            const style = getComputedStyle(a);
            if (style.overflowX !== 'visible') {
              rect = a.getBoundingClientRect();
              left = Math.max(left, rect.left);
              right = Math.min(right, rect.right);
            }
            if (style.overflowY !== 'visible') {
              rect = a.getBoundingClientRect();
              top = Math.max(top, rect.top);
              bottom = Math.min(bottom, rect.bottom);
            }
          }
          if (right <= left || bottom <= top) continue;
          const out = Math.max(box.left - left, right - box.right, box.top - top, bottom - box.bottom);
          if (out > 1)
            escapes.push(
              `${id} ${element.localName}.${element.getAttribute('data-part')}: ${Math.round(out)} px`,
            );
        }
      }
      const after = document.getElementById('after');
      return {
        flag: (window as unknown as Record<string, unknown>)[flag],
        images: all.filter((e) => e.localName === 'img').length,
        scripts: all.filter((e) => e.localName === 'script').length,
        handlers,
        javascriptUrls,
        javascriptHrefs: roots.reduce((n, r) => n + r.querySelectorAll('[href^="javascript" i]').length, 0),
        injectedStyles: all.filter((e) => e.localName === 'style' && e.textContent?.includes('!important'))
          .length,
        text: texts.join('\n'),
        afterVisible: after !== null && after.getBoundingClientRect().height > 0,
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        escapes,
      };
    },
    [FLAG, hosts] as const,
  );
}
