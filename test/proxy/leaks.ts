import { expect } from 'vitest';
import { API_KEY, type Harness } from './harness';

/**
 * The suite-wide promise: the API key never reaches a caller (response headers or body) or a
 * log line, and no token a test sent shows up in a response or a log line either.
 */
export function expectNoLeaks(harness: Harness, tokens: readonly string[] = []): void {
  const responses = harness.seen.join('\n');
  const logLines = harness.logs.map((entry) => JSON.stringify(entry)).join('\n');
  expect(harness.seen.length).toBeGreaterThan(0);
  expect(responses).not.toContain(API_KEY);
  expect(logLines).not.toContain(API_KEY);
  for (const token of tokens) {
    expect(responses).not.toContain(token);
    expect(logLines).not.toContain(token);
    // a token's signature alone is as good as a leak (alg: none tokens have none)
    const signature = token.split('.')[2] ?? '';
    if (signature !== '') expect(responses).not.toContain(signature);
  }
}
