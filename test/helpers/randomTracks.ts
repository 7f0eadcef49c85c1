import type { ContentStatsClient } from '../../src/client/createClient';
import type { ContentStatsError } from '../../src/client/errors';

/** One track attempt: which client makes it, for which link. */
export interface TrackAttempt {
  client: number;
  link: string;
}

/** What became of an attempt: the tracking's id, or the error the client threw. */
export interface TrackOutcome extends TrackAttempt {
  id?: string;
  error?: ContentStatsError;
}

/**
 * `count` track attempts (1 day each) spread over `clients` and over `linkCount` links from
 * `link(n)`, in an order fixed by `seed`, run `concurrency` at a time. Links repeat on purpose: a
 * second call for a running link must get a 409, never a second tracking. Never throws: every
 * attempt ends as an id or an error.
 */
export async function runRandomTracks(
  clients: readonly ContentStatsClient[],
  options: {
    count: number;
    seed: number;
    link: (n: number) => string;
    linkCount: number;
    concurrency: number;
  },
): Promise<TrackOutcome[]> {
  let seed = options.seed;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const attempts: TrackAttempt[] = Array.from({ length: options.count }, () => ({
    client: Math.floor(random() * clients.length),
    link: options.link(Math.floor(random() * options.linkCount)),
  }));
  const results: TrackOutcome[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const attempt = attempts[next++];
      if (attempt === undefined) return;
      const client = clients[attempt.client];
      if (!client) throw new Error(`no client ${attempt.client}`);
      try {
        const tracked = await client.trackVideo({ video_link: attempt.link, duration_days: 1 });
        results.push({ ...attempt, id: tracked.id });
      } catch (error) {
        results.push({ ...attempt, error: error as ContentStatsError });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return results;
}
