/**
 * The part of `react` (and `react-dom/client`) the components and hooks use, on Preact, for the
 * embed build only: it aliases `react` and `react-dom/client` here instead of `preact/compat`
 * (~1.5 KB gzip, most of it for React APIs nothing here calls: Suspense, portals, Children,
 * forwardRef, class lifecycle aliases, event wrappers). Kept from preact/compat, with its code:
 * the props normalisation of DOM elements the components rely on (className, camelCase SVG
 * attributes, `onChange` of text fields as `input`, bubbling `onFocus`/`onBlur`, `px` for numeric
 * styles; not `defaultValue`, a boolean `download` or `onDoubleClick`, which none uses), `memo`,
 * `useSyncExternalStore`, `useDeferredValue` and `createRoot`. The hook and component suites run
 * against it under Preact: `npx vitest run -c src/embed/lean/vitest.config.ts`.
 */
import {
  Component,
  type ComponentChildren,
  type ComponentType,
  createContext,
  createElement,
  Fragment,
  options,
  render,
  type VNode,
} from 'preact';
import {
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'preact/hooks';

export {
  Component,
  createContext,
  createElement,
  Fragment,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
};

type Props = Record<string, unknown>;

// preact/compat's rules (src/render.js, src/util.js)
const CAMEL_PROPS =
  /^(?:accent|alignment|arabic|baseline|cap|clip(?!PathU)|color|dominant|fill|flood|font|glyph(?!R)|horiz|image(?!S)|letter|lighting|marker(?!H|W|U)|overline|paint|pointer|shape|stop|strikethrough|stroke|text(?!L)|transform|underline|unicode|units|v|vector|vert|word|writing|x(?!C))[A-Z]/;
const IS_NON_DIMENSIONAL =
  /^(-|f[lo].*[^se]$|g.{5,}[^ps]$|z|o[pr]|(W.{5})?[lL]i.*(t|mp)$|an|(bo|s).{4}Im|sca|m.{6}[ds]|ta|c.*[st]$|wido|ini|asp|fill|st)/;

function normalizeDomProps(type: string, props: Props): Props {
  const normalized: Props = {};
  const svgCase = !type.includes('-');
  for (let [name, value] of Object.entries(props)) {
    if (name === 'class' || name === 'className') continue;
    if (name === 'style' && value && (value as object).constructor === Object) {
      const style = { ...(value as Record<string, unknown>) };
      for (const key in style) {
        if (typeof style[key] === 'number' && !IS_NON_DIMENSIONAL.test(key)) style[key] = `${style[key]}px`;
      }
      value = style;
    } else if (name.startsWith('on')) {
      const lower = name.toLowerCase();
      if (lower === 'onfocus') name = 'onfocusin';
      else if (lower === 'onblur') name = 'onfocusout';
      else if (
        lower === 'oninput' ||
        (lower === 'onchange' &&
          (type === 'input' || type === 'textarea') &&
          !/fil|che|rad/.test(String(props.type)))
      ) {
        // React's onChange of a text field fires on every input; with an onInput too, it captures
        name = normalized.oninput ? 'oninputCapture' : 'oninput';
      }
    } else if (svgCase && CAMEL_PROPS.test(name)) {
      name = name.replace(/[A-Z0-9]/g, '-$&').toLowerCase();
    }
    // (preact/compat also turns `null` into `undefined`: Preact 11 treats both alike on DOM elements)
    normalized[name] = value;
  }
  const className = props.className ?? props.class;
  if (className) normalized.class = normalized.className = className;
  return normalized;
}

const REACT_ELEMENT = Symbol.for('react.element');
const previousVNodeHook = options.vnode;
options.vnode = (vnode: VNode) => {
  if (typeof vnode.type === 'string')
    vnode.props = normalizeDomProps(vnode.type, vnode.props as Props) as VNode['props'];
  // React's element mark, as preact/compat sets it (Testing Library's Preact fireEvent reads it too)
  (vnode as VNode & { $$typeof?: symbol }).$$typeof = REACT_ELEMENT;
  previousVNodeHook?.(vnode);
};

/** A memoised component's `shouldComponentUpdate`: whether a prop changed (shallowly). */
// preact/compat also skips `__source`, which only development JSX adds; the embed's is production JSX
function propsChanged(this: Component, next: Props): boolean {
  const prev = this.props as Props;
  for (const key in prev) if (!(key in next)) return true;
  for (const key in next) if (prev[key] !== next[key]) return true;
  return false;
}

/** React's `memo`: re-renders only when a prop changed (no component here gives an `areEqual`). */
export function memo<P extends object>(component: ComponentType<P>): ComponentType<P> {
  function Memoed(this: Component<P>, props: P) {
    this.shouldComponentUpdate = propsChanged;
    return createElement(component as ComponentType<object>, props);
  }
  // no `displayName` (`Memo(…)`): only developer tools read it, and the embed has none
  return Memoed as ComponentType<P>;
}

interface Store<T> {
  value: T;
  getSnapshot: () => T;
}

/** React's `useSyncExternalStore` (preact/compat's version, without hydration). */
export function useSyncExternalStore<T>(
  subscribe: (onChange: () => void) => () => void,
  getSnapshot: () => T,
): T {
  const value = getSnapshot();
  const [{ store }, forceUpdate] = useState<{ store: Store<T> }>({ store: { value, getSnapshot } });
  // re-renders when the snapshot changed (or reading it threw); the same from any render, as
  // `store` and `forceUpdate` never change
  const check = () => {
    try {
      if (Object.is(store.value, store.getSnapshot())) return;
    } catch {}
    forceUpdate({ store });
  };
  // the same dependencies as preact/compat's: `store` never changes, `subscribe` re-arms the check
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useLayoutEffect(() => {
    store.value = value;
    store.getSnapshot = getSnapshot;
    check();
  }, [subscribe, value, getSnapshot]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    check();
    return subscribe(check);
  }, [subscribe]);
  return value;
}

/** React's `useDeferredValue`: Preact renders synchronously, so the value itself. */
export function useDeferredValue<T>(value: T): T {
  return value;
}

/** `react-dom/client`'s `createRoot`. */
export function createRoot(container: Element | DocumentFragment) {
  return {
    render(children: ComponentChildren) {
      render(children, container);
    },
    unmount() {
      render(null, container);
    },
  };
}
