/**
 * `HTMLElement`, or a stand-in class where there is none (Node, during server rendering), so
 * `import 'contentstats-kit/embed'` on a server does not throw; the elements only run in browsers.
 */
export const HTMLElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;
