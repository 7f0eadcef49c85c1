import type { Platform } from '../client/types.js';

/**
 * Query keys of the kit. Every key starts with `['contentstats', scope]` where `scope`
 * (the client's base URL) keeps two accounts or proxies from sharing cache entries.
 */
export const contentStatsKeys = {
  all: (scope: string) => ['contentstats', scope] as const,
  videos: (scope: string) => ['contentstats', scope, 'videos'] as const,
  videoList: (scope: string, filter: { platform?: Platform | undefined } = {}) =>
    ['contentstats', scope, 'videos', 'list', { platform: filter.platform ?? null }] as const,
  video: (scope: string, id: string) => ['contentstats', scope, 'videos', 'detail', id] as const,
  usage: (scope: string) => ['contentstats', scope, 'usage'] as const,
};
