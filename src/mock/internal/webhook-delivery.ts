import type { MockApi, MockWebhookConfig } from '../types.js';
import { signWebhookPayload } from '../webhooks.js';

const DELIVERY_TIMEOUT_MS = 5000;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch wraps the useful reason (ECONNREFUSED, ...) in `cause`
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** Drains `api.takeEvents()` and POSTs each event, signed. */
export interface WebhookDeliverer {
  /** Delivers what is pending now; resolves with the number delivered successfully. */
  flush(): Promise<number>;
  /** Stops the timer and aborts deliveries in flight. */
  stop(): Promise<void>;
}

/**
 * Starts delivering every `intervalMs` of real time (the timer is unref'd so it never
 * keeps a process alive). Deliveries are not retried: a failed one is reported once
 * through `log` (one line per drain) and dropped. Drains never overlap.
 */
export function startWebhookDelivery(input: {
  api: MockApi;
  webhook: MockWebhookConfig;
  intervalMs: number;
  log: (message: string) => void;
}): WebhookDeliverer {
  const { api, webhook, log } = input;
  const aborter = new AbortController();
  let running: Promise<number> | null = null;

  async function deliverAll(): Promise<number> {
    let delivered = 0;
    let failed = 0;
    let firstFailure = '';
    for (const event of api.takeEvents()) {
      if (aborter.signal.aborted) break;
      const body = JSON.stringify(event);
      // one controller per delivery: aborted by stop() or after 5 s
      const controller = new AbortController();
      const abort = () => controller.abort();
      aborter.signal.addEventListener('abort', abort);
      const timeout = setTimeout(abort, DELIVERY_TIMEOUT_MS);
      try {
        const signature = await signWebhookPayload(body, webhook.secret);
        const response = await fetch(webhook.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'ContentStats-Event': event.type,
            'ContentStats-Signature': signature,
          },
          body,
          signal: controller.signal,
        });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        delivered++;
      } catch (error) {
        if (aborter.signal.aborted) break;
        failed++;
        if (failed === 1) firstFailure = `${event.type} ${event.id}: ${describe(error)}`;
      } finally {
        clearTimeout(timeout);
        aborter.signal.removeEventListener('abort', abort);
      }
    }
    // one line per drain, however many failed, so a down receiver does not flood the terminal
    if (failed > 0) {
      log(
        `ContentStats local API: ${failed} webhook ${failed === 1 ? 'delivery' : 'deliveries'} to ${webhook.url} failed and ${failed === 1 ? 'was' : 'were'} dropped (${firstFailure}).`,
      );
    }
    return delivered;
  }

  function flush(): Promise<number> {
    if (running) return running.then(() => flush());
    running = deliverAll().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => {
    if (!running) void flush();
  }, input.intervalMs);
  // timers are objects with unref() in Node, numbers in browsers
  (timer as { unref?: () => void }).unref?.();

  return {
    flush,
    async stop() {
      clearInterval(timer);
      aborter.abort();
      await running?.catch(() => 0);
    },
  };
}
