import type { TrackedVideo } from '../client/types.js';

/** `detail` of `contentstats:load`: the element shows data (or an empty state) after loading, or again after an error. */
export interface ContentStatsLoadDetail {
  /** Tag of the element, e.g. `contentstats-chart`. */
  element: string;
  /** `ready`, or `empty` when there is nothing to show yet. */
  state: 'ready' | 'empty';
  /** Videos the element shows (empty for usage, tracker and the list). */
  videoIds: string[];
}

/** Where an error came from. */
export type ContentStatsErrorSource = 'api' | 'config' | 'scope' | 'render';

/** `detail` of `contentstats:error`: the element shows an error. */
export interface ContentStatsErrorDetail {
  element: string;
  /**
   * A `ContentStatsError` code (`unauthorized`, `forbidden`, `not_found`, `rate_limited`,
   * `network`, …) for API errors, `invalid_config` for a missing or wrong attribute,
   * `render` for a failure while drawing.
   */
  code: string;
  /** The sentence the element shows. */
  message: string;
  source: ContentStatsErrorSource;
  videoIds: string[];
}

/** `detail` of `contentstats:tracked`: the tracker started a tracking. */
export interface ContentStatsTrackedDetail {
  element: string;
  /** The API's answer: `id`, `video_link`, `status`, `estimated_cost`, … */
  video: TrackedVideo;
}

/** Every event the elements fire, for `addEventListener` typing. */
export interface ContentStatsEventMap {
  'contentstats:load': CustomEvent<ContentStatsLoadDetail>;
  'contentstats:error': CustomEvent<ContentStatsErrorDetail>;
  'contentstats:tracked': CustomEvent<ContentStatsTrackedDetail>;
}

/** Fires a bubbling, composed event; a listener that throws never breaks the element. */
export function emit<K extends keyof ContentStatsEventMap>(
  target: HTMLElement,
  type: K,
  detail: ContentStatsEventMap[K]['detail'],
): void {
  // dispatchEvent reports a throwing listener itself (window error event) and returns normally
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
