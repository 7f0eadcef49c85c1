import { type ChartLabels, defaultChartLabels } from '../chart/labels.js';

/**
 * Every user-visible string of the components, in English. Replace any of them through the
 * `labels` prop of a component or of `<ContentStatsProvider>`. Strings that carry values are
 * functions; values arrive already formatted for the locale (money, counts, dates) unless the
 * parameter is a plain `number` (minutes, seconds, days), which you format as you like.
 */
export interface Labels extends ChartLabels {
  // shared states
  /** Accessible name of a loading skeleton. */
  loading: string;
  /** Button that repeats a failed request. */
  retry: string;
  /** Heading of a service error, and of any error without a heading of its own below. */
  errorTitle: string;
  /** Heading of a 401. */
  errorTitleUnauthorized: string;
  /** Heading of a 403. */
  errorTitleForbidden: string;
  /** Heading of a 402. */
  errorTitleInsufficientBalance: string;
  /** Heading of a 404. */
  errorTitleNotFound: string;
  /** Heading of a 409 (the video is already tracked). */
  errorTitleConflict: string;
  /** Heading of a 429. */
  errorTitleRateLimited: string;
  /** Heading of a refused request (`invalid_request`). */
  errorTitleInvalidRequest: string;
  /** Heading of a network failure while the browser reports it is online. */
  errorTitleNetwork: string;
  /** Heading of a network failure while the browser reports it is offline. */
  errorTitleOffline: string;
  /** Heading of a timeout. */
  errorTitleTimeout: string;
  /** Heading of a cancelled request. */
  errorTitleAborted: string;
  /** Heading of an answer that could not be read (`invalid_response`). */
  errorTitleInvalidResponse: string;
  /** Heading of a server error no retry can fix (see `errorMisconfigured`). */
  errorTitleMisconfigured: string;
  /** A value that is not known or not reported. */
  notAvailable: string;

  // errors, one per error code
  errorUnauthorized: string;
  /** Action of a 401: fetch a fresh token and try again. */
  signInAgain: string;
  /** 403; `apiMessage` is the API's own reason, when it sent one. */
  errorForbidden: (apiMessage: string | undefined) => string;
  /** 402; `balance` is formatted money, or `undefined` when the API did not say. */
  errorInsufficientBalance: (balance: string | undefined) => string;
  errorNotFound: string;
  errorConflict: string;
  /** 429 while waiting; `seconds` until the limit resets. */
  errorRateLimited: (seconds: number) => string;
  /** 429 once the reset time has passed. */
  errorRateLimitedOver: string;
  /** An `invalid_request`; `message` says what was wrong. */
  errorInvalidRequest: (message: string) => string;
  errorServer: string;
  /** A server error no retry can fix (the site's connection to ContentStats is misconfigured). */
  errorMisconfigured: string;
  errorNetwork: string;
  /** Shown instead of `errorNetwork` while the browser reports it is offline. */
  errorOffline: string;
  errorTimeout: string;
  errorAborted: string;
  errorInvalidResponse: string;

  // numbers and times
  /** Per-hour change; `value` is a signed formatted number. */
  perHour: (value: string) => string;
  /** Countdown to the next snapshot. */
  nextSnapshotIn: (minutes: number) => string;
  /** When the next snapshot may exist any moment now. */
  nextSnapshotSoon: string;
  /** When tracking has finished and no more snapshots come. */
  noMoreSnapshots: string;

  // metrics
  views: string;
  likes: string;
  comments: string;
  shares: string;
  saves: string;
  time: string;

  // VideoTracker
  trackerTitle: string;
  linkLabel: string;
  linkPlaceholder: string;
  linkHint: string;
  /**
   * Why a link is refused; `reason` is the English reason from `parseVideoLink`, without the
   * examples it appends (the hint shows them).
   */
  invalidLink: (reason: string) => string;
  durationLabel: string;
  /** Unit beside the duration field. */
  days: (days: number) => string;
  durationHint: (min: number, max: number) => string;
  durationInvalid: (min: number, max: number) => string;
  /** `cost` is formatted money. */
  estimatedCost: (cost: string) => string;
  /** `balance` is formatted money. */
  currentBalance: (balance: string) => string;
  balanceUnknown: string;
  /** Refusal before submit; both values are formatted money. */
  cannotAfford: (cost: string, balance: string) => string;
  trackSubmit: string;
  trackPending: string;
  /** Result of a successful track; `status` as the API sent it. */
  trackedResult: (id: string, status: string) => string;
  /** Action after a 409 that names the existing tracking. */
  viewExisting: string;
  /** After a 409 that names the existing tracking. */
  existingVideo: (id: string) => string;
  /** Shown when the outcome of a track is unknown (the answer was lost). */
  trackOutcomeUnknown: string;
  tryAgain: string;

  // SnapshotTable
  tableCaption: string;
  tableEmpty: string;
  exportCsv: string;
  rowsPerPage: string;
  /** Pager text; rows `from`–`to` of `total`, already formatted. */
  pageStatus: (from: string, to: string, total: string) => string;
  previousPage: string;
  nextPage: string;
  /** Column header of a per-hour change column. */
  deltaColumn: (metric: string) => string;
  /** Screen-reader hint on a sortable column header. */
  sortBy: (column: string) => string;

  // MetricSummary
  summaryTitle: string;
  /** Card of the latest total; `metric` is the metric's label. */
  latestTotal: (metric: string) => string;
  change24h: string;
  engagementRate: string;
  /** When fewer than 24 h of snapshots exist; `hours` covered (at least 1). */
  changeOverHours: (hours: number) => string;
  /** Title of the change card while there is a single snapshot (its value reads `notAvailable`). */
  changeSinceStart: string;
  summaryEmpty: string;
  /** Accessible description of a sparkline; values formatted. */
  sparklineLabel: (metric: string, from: string, to: string) => string;

  // UsageMeter
  usageTitle: string;
  balance: string;
  plan: string;
  /** Plan name as shown; the API's plan id. */
  planName: (plan: string) => string;
  videosTracked: string;
  /** `active` of `limit` videos (formatted). */
  videosOfLimit: (active: string, limit: string) => string;
  /** When the plan has no limit. */
  videosUnlimited: (active: string) => string;
  rateLimit: string;
  /** `remaining` of `limit` requests (formatted). */
  rateLimitRemaining: (remaining: string, limit: string) => string;
  /** Countdown to the rate-limit window reset. */
  rateLimitResetsIn: (seconds: number) => string;
  rateLimitUnknown: string;
  /**
   * Under the balance when part of it is committed to running trackings; `amount` is the
   * formatted money that can still be spent.
   */
  availableBalance: (amount: string) => string;
  /** Warning under the threshold; `balance` is the formatted money that can still be spent. */
  lowBalance: (balance: string) => string;
  usageEmpty: string;

  // VideoList
  videosTitle: string;
  platformFilter: string;
  allPlatforms: string;
  /** Platform display name from the API's id. */
  platformName: (platform: string) => string;
  /** Status badge text from the API's status. */
  statusName: (status: string) => string;
  videosEmpty: string;
  stop: string;
  /** Accessible name of a video's Stop button; `link` is the video link. */
  stopVideo: (link: string) => string;
  /** Confirmation question; `link` is the video link. */
  stopConfirm: (link: string) => string;
  stopConfirmYes: string;
  stopCancel: string;
  stopPending: string;
  /**
   * Accessible name of the button that selects a video; `name` is the short name it shows
   * (`@handle · …123456`, the link without `https://` for short links).
   */
  selectVideo: (name: string) => string;
  /** Tracked since; `date` formatted. */
  trackedSince: (date: string) => string;
}

const PLATFORMS: Record<string, string> = { tiktok: 'TikTok' };
const STATUSES: Record<string, string> = {
  monitoring: 'Monitoring',
  completed: 'Completed',
  stopped: 'Stopped',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The English labels used where none are given. */
export const defaultLabels: Labels = {
  ...defaultChartLabels,
  loading: 'Loading…',
  retry: 'Retry',
  errorTitle: 'Something went wrong',
  errorTitleUnauthorized: 'Signed out',
  errorTitleForbidden: 'Not allowed',
  errorTitleInsufficientBalance: 'Balance too low',
  errorTitleNotFound: 'Video not found',
  errorTitleConflict: 'Already tracked',
  errorTitleRateLimited: 'Too many requests',
  errorTitleInvalidRequest: 'Request refused',
  errorTitleNetwork: 'Cannot reach ContentStats',
  errorTitleOffline: "You're offline",
  errorTitleTimeout: 'No answer in time',
  errorTitleAborted: 'Cancelled',
  errorTitleInvalidResponse: 'Unexpected answer',
  errorTitleMisconfigured: 'Not set up correctly',
  notAvailable: '—',

  errorUnauthorized: 'You are signed out, or your access has expired.',
  signInAgain: 'Sign in again',
  errorForbidden: (apiMessage) =>
    apiMessage ? `You are not allowed to do this: ${apiMessage}` : 'You are not allowed to do this.',
  errorInsufficientBalance: (balance) =>
    balance === undefined
      ? 'Your balance is too low for this. Top up your ContentStats balance to continue.'
      : `Your balance of ${balance} is too low for this. Top up your ContentStats balance to continue.`,
  errorNotFound: 'This video was not found. It may be private or deleted.',
  errorConflict: 'This video is already being tracked.',
  errorRateLimited: (seconds) =>
    seconds < 120
      ? `You can try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`
      : `You can try again in ${Math.ceil(seconds / 60)} minutes.`,
  errorRateLimitedOver: 'You can try again now.',
  errorInvalidRequest: (message) => message,
  errorServer: 'The ContentStats service had a problem. Try again in a moment.',
  errorMisconfigured:
    "This site's connection to ContentStats is not set up correctly. Please tell the site's owner.",
  errorNetwork: 'The ContentStats service cannot be reached. Check your connection and try again.',
  // the heading already says "You're offline"
  errorOffline: 'Reconnect to the internet and try again.',
  errorTimeout: 'The ContentStats service took too long to answer.',
  errorAborted: 'The request was cancelled.',
  errorInvalidResponse: 'The ContentStats service sent an answer that could not be read.',

  perHour: (value) => `${value}/h`,
  nextSnapshotIn: (minutes) => `Next snapshot in ${minutes} min`,
  nextSnapshotSoon: 'Next snapshot any moment',
  noMoreSnapshots: 'Tracking finished',

  views: 'Views',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
  time: 'Time',

  trackerTitle: 'Track a video',
  linkLabel: 'Video link',
  linkPlaceholder: 'https://www.tiktok.com/@user/video/1234567890',
  linkHint: 'A public TikTok video link, like tiktok.com/@user/video/123 or vm.tiktok.com/ZMabc/.',
  invalidLink: (reason) => reason,
  durationLabel: 'Duration',
  days: (days) => (days === 1 ? 'day' : 'days'),
  durationHint: (min, max) => `Hourly snapshots for ${min} to ${max} days.`,
  durationInvalid: (min, max) => `Choose a whole number of days from ${min} to ${max}.`,
  estimatedCost: (cost) => `Estimated cost ${cost}`,
  currentBalance: (balance) => `Balance ${balance}`,
  balanceUnknown: 'Balance unknown',
  cannotAfford: (cost, balance) =>
    `This tracking costs about ${cost} but your balance is ${balance}. Top up or choose fewer days.`,
  trackSubmit: 'Start tracking',
  trackPending: 'Starting…',
  trackedResult: (id, status) => `Tracking started (${status}). Video id ${id}.`,
  viewExisting: 'View it',
  existingVideo: (id) => `It is video ${id}.`,
  trackOutcomeUnknown: 'We could not confirm whether tracking started. Trying again will not charge twice.',
  tryAgain: 'Try again',

  tableCaption: 'Snapshots',
  tableEmpty: 'No snapshots yet. The first one is taken within the hour.',
  exportCsv: 'Export CSV',
  rowsPerPage: 'Rows per page',
  pageStatus: (from, to, total) => `${from}–${to} of ${total}`,
  previousPage: 'Previous',
  nextPage: 'Next',
  deltaColumn: (metric) => `${metric} /h`,
  sortBy: (column) => `Sort by ${column}`,

  summaryTitle: 'Summary',
  latestTotal: (metric) => `Total ${metric.toLowerCase()}`,
  change24h: 'Change, last 24 h',
  engagementRate: 'Engagement rate',
  changeOverHours: (hours) => `Change, last ${hours} h`,
  changeSinceStart: 'Change since tracking began',
  summaryEmpty: 'No snapshots yet. The first one is taken within the hour.',
  sparklineLabel: (metric, from, to) => `${metric} trend from ${from} to ${to}`,

  usageTitle: 'Usage',
  balance: 'Balance',
  plan: 'Plan',
  planName: (plan) => capitalise(plan),
  videosTracked: 'Videos tracked',
  videosOfLimit: (active, limit) => `${active} of ${limit}`,
  videosUnlimited: (active) => `${active} (no limit)`,
  rateLimit: 'Requests left',
  rateLimitRemaining: (remaining, limit) => `${remaining} of ${limit}`,
  rateLimitResetsIn: (seconds) => `Resets in ${seconds} s`,
  rateLimitUnknown: 'Not known yet',
  availableBalance: (amount) => `${amount} available to spend`,
  lowBalance: (balance) => `Low balance: ${balance} available to spend. Top up to keep tracking.`,
  usageEmpty: 'No usage information yet.',

  videosTitle: 'Tracked videos',
  platformFilter: 'Platform',
  allPlatforms: 'All platforms',
  platformName: (platform) => PLATFORMS[platform] ?? capitalise(platform),
  statusName: (status) => STATUSES[status] ?? capitalise(status),
  videosEmpty: 'No tracked videos yet.',
  stop: 'Stop',
  stopVideo: (link) => `Stop: ${link}`,
  stopConfirm: (link) => `Stop tracking ${link}? No more snapshots will be taken or charged.`,
  stopConfirmYes: 'Stop tracking',
  stopCancel: 'Keep tracking',
  stopPending: 'Stopping…',
  selectVideo: (name) => `Show ${name}`,
  trackedSince: (date) => `Since ${date}`,
};
