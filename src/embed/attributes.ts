import { METRICS, type MetricName } from '../metrics/series.js';
import { VIDEO_ID_PATTERN } from '../shared/videoId.js';

/** A missing or wrong attribute: shown inside the element, reported as `invalid_config`. */
export class EmbedConfigError extends Error {
  override readonly name = 'EmbedConfigError';
}

/** `"a, b c"` → `['a', 'b', 'c']`. */
export function list(value: string | null): string[] {
  return value ? value.split(/[\s,]+/).filter(Boolean) : [];
}

/** Attribute `name` as one value of `allowed` (kebab-case accepted for camelCase values), `fallback` when absent. */
export function oneOf<T extends string>(
  element: Element,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = element.getAttribute(name);
  if (value === null || value.trim() === '') return fallback;
  const wanted = value.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const found = allowed.find((a) => a === wanted);
  if (found === undefined) {
    throw new EmbedConfigError(`${name}="${value.slice(0, 40)}" is not one of: ${allowed.join(', ')}.`);
  }
  return found;
}

/** Video ids of attribute `video-id` / `video-ids`, each checked against the API's id pattern. */
export function videoIds(element: Element, name: string): string[] {
  const ids = list(element.getAttribute(name));
  for (const id of ids) {
    if (!VIDEO_ID_PATTERN.test(id))
      throw new EmbedConfigError(`${name}: "${id.slice(0, 40)}" is not a video id.`);
  }
  return ids;
}

/** Metrics of the `metrics` attribute, `undefined` when absent. */
export function metrics(element: Element): MetricName[] | undefined {
  const names = list(element.getAttribute('metrics'));
  if (names.length === 0) return undefined;
  for (const name of names) {
    if (!(METRICS as readonly string[]).includes(name)) {
      throw new EmbedConfigError(`metrics: "${name.slice(0, 40)}" is not one of: ${METRICS.join(', ')}.`);
    }
  }
  return names as MetricName[];
}

/** Attribute `name` as a positive number of pixels, `undefined` when absent. */
export function pixels(element: Element, name: string): number | undefined {
  const value = element.getAttribute(name);
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value.replace(/px$/, ''));
  if (!Number.isFinite(n) || n <= 0)
    throw new EmbedConfigError(`${name}="${value.slice(0, 40)}" is not a size in pixels.`);
  return n;
}
