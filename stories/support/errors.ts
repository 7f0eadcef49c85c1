import { useState } from 'react';
import { ContentStatsError, type ContentStatsErrorCode } from '../../src/client/errors.js';

/** The error states every component shows, with what the API would have sent. */
export type StoryErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'insufficient_balance'
  | 'not_found'
  | 'rate_limited'
  | 'network'
  | 'invalid_response';

const init: Record<
  StoryErrorKind,
  {
    code: ContentStatsErrorCode;
    status: number;
    message: string;
    apiMessage?: string;
    apiCode?: string;
    balance?: number;
  }
> = {
  unauthorized: {
    code: 'unauthorized',
    status: 401,
    message: 'Your session has expired.',
    apiCode: 'token_expired',
  },
  forbidden: {
    code: 'forbidden',
    status: 403,
    message: 'This token may not do that.',
    apiMessage: 'Token lacks the videos:write scope',
    apiCode: 'missing_scope',
  },
  insufficient_balance: {
    code: 'insufficient_balance',
    status: 402,
    message: 'Insufficient balance.',
    apiMessage: 'Insufficient balance',
    balance: 0.42,
  },
  not_found: {
    code: 'not_found',
    status: 404,
    message: 'Video not found.',
    apiMessage: 'Video not found or private',
  },
  rate_limited: {
    code: 'rate_limited',
    status: 429,
    message: 'Rate limit exceeded.',
    apiMessage: 'Rate limit exceeded',
  },
  network: { code: 'network', status: 0, message: 'The network request failed.' },
  invalid_response: {
    code: 'invalid_response',
    status: 200,
    message: 'The API answered with something unexpected.',
  },
};

/**
 * A `ContentStatsError` as the client would throw it. A 429 resets `retryInSeconds` after it
 * is made (on the viewer's clock, like the client computes `retryAt`).
 */
export function storyError(kind: StoryErrorKind, retryInSeconds = 95): ContentStatsError {
  const fields = init[kind];
  return new ContentStatsError({
    ...fields,
    ...(kind === 'rate_limited' ? { retryAt: Date.now() + retryInSeconds * 1000 } : {}),
  });
}

/** {@link storyError} made once per mounted story, so a 429 countdown keeps its deadline across renders. */
export function useStoryError(kind: StoryErrorKind): ContentStatsError {
  const [error] = useState(() => storyError(kind));
  return error;
}
