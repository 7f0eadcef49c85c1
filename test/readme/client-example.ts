// quickstart.ts: CONTENTSTATS_API_KEY=cs_demo_key CONTENTSTATS_API_URL=http://127.0.0.1:4010 npx tsx quickstart.ts
import { createClient, isContentStatsError } from '../../src/index';

// on a server, createClient() reads CONTENTSTATS_API_KEY and CONTENTSTATS_API_URL (default https://contentstats.io)
const client = createClient();

try {
  const tracked = await client.trackVideo({
    video_link: 'https://www.tiktok.com/@user/video/1234567890',
    duration_days: 7, // $0.015 per hourly snapshot: 168 snapshots, $2.52
  });
  const video = await client.getVideo(tracked.id);
  console.log(
    `${tracked.id}: ${video.snapshots.at(-1)?.views} views, ${video.rateLimit?.remaining} requests left`,
  );
} catch (error) {
  process.exitCode = 1;
  if (!isContentStatsError(error)) throw error;
  // error.code: unauthorized | forbidden | insufficient_balance | not_found | conflict | rate_limited
  //             | invalid_request | server | network | timeout | aborted | invalid_response
  // error.outcome: 'unknown' when a track may have been created anyway (resubmit with error.idempotencyKey)
  console.error(error.code, error.message, error.outcome);
}
