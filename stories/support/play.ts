import { expect, waitFor } from 'storybook/test';

/**
 * Waits until the story's component root reports `data-state`, so the a11y check and the
 * screenshot see the loaded (or failed) component and not its skeleton.
 */
export async function untilState(canvasElement: HTMLElement, state: 'ready' | 'empty' | 'error' | 'loading') {
  await waitFor(
    () => expect(canvasElement.querySelector(`[data-part="base"][data-state="${state}"]`)).not.toBeNull(),
    { timeout: 10_000 },
  );
}
