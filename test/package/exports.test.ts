import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// What a user gets from `import ... from 'contentstats-kit/...'`: the built files through the
// package's own "exports" map (Node resolves a package's own name from inside it).
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// a dist/ older than any source file would test yesterday's package (regression: only a missing
// dist/ was rebuilt, so a run after an edit passed on stale files)
beforeAll(() => {
  const built = ['dist/index.js', 'dist/types/index.d.ts', 'dist/embed.js', 'dist/embed.mjs'];
  const stale =
    !built.every((file) => existsSync(file)) ||
    Math.min(...built.map((file) => statSync(file).mtimeMs)) <
      Math.max(newestMtime('src'), statSync('package.json').mtimeMs);
  // built as a user's `npm run build` builds it: Vitest's NODE_ENV=test would give development JSX
  if (stale)
    execFileSync('npm', ['run', 'build'], {
      stdio: 'ignore',
      env: { ...process.env, NODE_ENV: 'production' },
    });
}, 180_000);

function exportsOf(specifier: string): string[] {
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()));`,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}

// The public surface is a decision: widening an entry is a reviewed change to this list.
const PUBLIC_API: Record<string, string[]> = {
  'contentstats-kit': [
    'ContentStatsError',
    'DEFAULT_BASE_URL',
    'MAX_DURATION_DAYS',
    'METRICS',
    'MIN_DURATION_DAYS',
    'SNAPSHOT_PRICE_USD',
    'VIDEO_ID_PATTERN',
    'countToNumber',
    'createClient',
    'downsampleLttb',
    'durationProblem',
    'engagementRate',
    'estimateCost',
    'isContentStatsError',
    'isCountString',
    'isUnsafeCount',
    'isValidVideoLink',
    'parseCount',
    'parseVideoLink',
    'snapshotCount',
    'toDeltas',
    'toPoints',
  ],
  'contentstats-kit/query': [
    'LIST_STALE_MS',
    'MAX_FAILURE_BACKOFF_MS',
    'MIN_POLL_MS',
    'RESUBMIT_WINDOW_MS',
    'SNAPSHOT_GRACE_MS',
    'SNAPSHOT_JITTER_MS',
    'USAGE_STALE_MS',
    'contentStatsKeys',
    'createSnapshotPersister',
    'freshSpendable',
    'isBudgetLow',
    'isFinished',
    'nextFetchAt',
    'refetchDelay',
    'stopTrackingMutationOptions',
    'trackProblem',
    'trackVideoMutationOptions',
    'usageQueryOptions',
    'videoListQueryOptions',
    'videoQueryOptions',
    'videoStaleTime',
    'withoutMeta',
  ],
  'contentstats-kit/react': [
    'ContentStatsProvider',
    'MetricSummary',
    'MetricSummaryView',
    'SnapshotChart',
    'SnapshotChartView',
    'SnapshotTable',
    'SnapshotTableView',
    'UsageMeter',
    'UsageMeterView',
    'VideoList',
    'VideoListView',
    'VideoTracker',
    'VideoTrackerView',
    'autoTheme',
    'darkTheme',
    'darkTokens',
    'defaultChartLabels',
    'defaultLabels',
    'lightTheme',
    'lightTokens',
    'seriesColors',
    'seriesFromPoints',
    'snapshotsToCsv',
    'themeClass',
    'themeStyle',
    'useContentStats',
    'useSnapshots',
    'useStopTracking',
    'useTrackVideo',
    'useUsage',
    'useVideo',
    'useVideos',
    'vars',
  ],
  'contentstats-kit/proxy': [
    'TokenError',
    'createMemoryStore',
    'createProxy',
    'createTokenEndpoint',
    'expressProxy',
    'expressTokenEndpoint',
    'mintToken',
    'nodeProxy',
    'verifyToken',
  ],
  'contentstats-kit/mock': [
    'DEFAULT_MOCK_SEED',
    'DEMO_API_KEY',
    'FIXTURE_IDS',
    'NOT_FOUND_RULES',
    'PLAN_LIMITS',
    'createMockApi',
    'signWebhookPayload',
    'startMockServer',
    'verifyWebhookSignature',
  ],
  'contentstats-kit/proxy/redis': ['createRedisStore'],
  'contentstats-kit/embed': [
    'ContentStatsChartElement',
    'ContentStatsConfigElement',
    'ContentStatsElement',
    'ContentStatsSummaryElement',
    'ContentStatsTableElement',
    'ContentStatsTrackerElement',
    'ContentStatsUsageElement',
    'ContentStatsVideosElement',
    'defineElements',
  ],
  'contentstats-kit/mock/msw': ['createHandlers', 'defaultMockApi', 'handlers', 'resetDefaultMockApi'],
};

describe('package entry points, as built', () => {
  it.each(Object.entries(PUBLIC_API))('%s exports exactly its public API', (specifier, names) => {
    expect(exportsOf(specifier)).toEqual([...names].sort());
  });

  it('the contentstats-mock bin runs', () => {
    const help = execFileSync(process.execPath, ['dist/mock-cli.js', '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/--port/);
    expect(help).toMatch(/--key/);
  });

  it('ships production JSX (regression: a build under NODE_ENV=test imported react/jsx-dev-runtime, undefined in production React)', () => {
    for (const file of readdirSync('dist').filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join('dist', file), 'utf8')).not.toMatch(/jsx-dev-runtime|jsxDEV/);
    }
  });

  it("keeps 'use client' on the React entry", () => {
    const head = execFileSync('head', ['-c', '20', 'dist/react.js'], { encoding: 'utf8' });
    expect(head.startsWith('"use client"') || head.startsWith("'use client'")).toBe(true);
  });
});
