// Types of scripts/size.mjs for bench/size.ts (the script itself stays plain JavaScript).

/** Raw, gzip (level 9) and brotli (quality 11) byte counts. */
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Options of {@link bundleSource}. */
export interface BundleOptions {
  external?: (id: string) => boolean;
  define?: Record<string, string>;
  platform?: 'node' | 'browser' | 'neutral';
}

/** The React components measured one by one. */
export const COMPONENTS: readonly string[];
/** React and react-dom ids, kept external. */
export const REACT: RegExp;
/** gzip (level 9) and brotli (quality 11) sizes of `bytes`. */
export function sizes(bytes: Uint8Array): Sizes;
/** `source` bundled and minified by rolldown as one ES chunk. */
export function bundleSource(source: string, options?: BundleOptions): Promise<Buffer>;
/** One export of dist/react.js tree-shaken with React external, minified by rolldown. */
export function componentBundle(name: string, options?: Omit<BundleOptions, 'external'>): Promise<Buffer>;
