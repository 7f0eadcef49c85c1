import { afterEach, beforeEach, expect, type MockInstance, vi } from 'vitest';

// Stories are tests (issue 8): a story fails on any console.error (React warnings, failed
// requests, prop-type complaints) and when its a11y check did not run and pass.

function show(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

let consoleError: MockInstance<typeof console.error>;

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});

afterEach((context) => {
  const calls = consoleError.mock.calls;
  consoleError.mockRestore();
  expect(
    calls.map((args) => args.map(show).join(' ')),
    'console.error during the story',
  ).toEqual([]);

  const meta = context.task.meta as { storyId?: string; reports?: { type: string; status: string }[] };
  if (meta.storyId === undefined || context.task.result?.errors?.length) return;
  // the a11y addon leaves a report on every story it checked; none means the gate is gone
  const a11y = meta.reports?.find((report) => report.type === 'a11y');
  expect(a11y?.status, `a11y report of ${meta.storyId}`).toBe('passed');
});
