import type { WebhookEvent } from '../types.js';
import type { Account } from './account.js';
import { randomToken, seeded } from './prng.js';
import { isoSeconds } from './time.js';
import { scheduledEnd, snapshotAt, takenSnapshots, trackingStatus } from './tracking.js';

/**
 * Events that happened since the last drain, oldest first: one `snapshot.created` per
 * new snapshot and one `tracking.completed` per tracking that reached its end (a
 * stopped tracking never completes). Ids are deterministic from the seed.
 */
export function drainEvents(accounts: Iterable<Account>, now: number, seed: string): WebhookEvent[] {
  const events: Array<WebhookEvent & { at: number }> = [];
  const eventId = (...parts: string[]) => `evt_${randomToken(seeded(seed, 'event', ...parts), 16)}`;
  for (const account of accounts) {
    for (const tracking of account.trackings.values()) {
      const taken = takenSnapshots(tracking, now);
      for (let index = tracking.emittedSnapshots; index < taken; index++) {
        const snapshot = snapshotAt(tracking, index);
        events.push({
          at: Date.parse(snapshot.snapshot_time),
          id: eventId(tracking.id, 'snapshot', String(index)),
          type: 'snapshot.created',
          created_at: snapshot.snapshot_time,
          data: { video_id: tracking.id, video_link: tracking.link, snapshot },
        });
      }
      tracking.emittedSnapshots = Math.max(tracking.emittedSnapshots, taken);
      if (!tracking.completionEmitted && trackingStatus(tracking, now) === 'completed') {
        const end = scheduledEnd(tracking);
        events.push({
          at: end,
          id: eventId(tracking.id, 'completed'),
          type: 'tracking.completed',
          created_at: isoSeconds(end),
          data: { video_id: tracking.id, video_link: tracking.link, status: 'completed' },
        });
        tracking.completionEmitted = true;
      }
    }
  }
  // stable sort keeps per-video order for events at the same instant
  return events.sort((a, b) => a.at - b.at).map(({ at: _at, ...event }) => event);
}
