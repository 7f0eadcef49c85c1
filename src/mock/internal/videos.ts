import { fixtureOverrides } from './fixtures.js';
import { createProfile, createVideoTimeline, type VideoTimeline } from './growth.js';

/** The public videos one engine knows, by normalised link, shared by every key. */
export interface VideoRegistry {
  /**
   * The video at `link`. The first call for a link fixes its birth at `trackedAt` (the
   * first time anyone on this engine tracks it); later calls return the same timeline,
   * so a re-tracking continues from where earlier trackings left off.
   */
  video(link: string, trackedAt: number): VideoTimeline;
}

/** Creates the registry of one engine; numbers depend on the seed, the link and its birth. */
export function createVideoRegistry(seed: string): VideoRegistry {
  const videos = new Map<string, VideoTimeline>();
  return {
    video(link, trackedAt) {
      let video = videos.get(link);
      if (!video) {
        // A fixture link is that kind of video whoever tracks it first: its traits belong to the link.
        const profile = createProfile(seed, link, fixtureOverrides(link));
        video = createVideoTimeline(profile, { seed, link, bornAt: trackedAt });
        videos.set(link, video);
      }
      return video;
    },
  };
}
