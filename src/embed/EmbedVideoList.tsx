import { useState } from 'react';
import { VideoListView, type VideoListViewProps } from '../components/VideoList.js';
import { useStopTracking } from '../react/useStopTracking.js';
import { useVideos } from '../react/useVideos.js';

/** Props of {@link EmbedVideoList}. */
export interface EmbedVideoListProps
  extends Pick<VideoListViewProps, 'defaultPlatform' | 'onSelect' | 'heading'> {
  /** Show Stop buttons (the page's token allows `stop`). Read-only otherwise. */
  allowStop: boolean;
}

/**
 * `VideoList` for the embed: the same view and hooks, but Stop only where the token allows it
 * (the connected `VideoList` always offers it; a `readOnly` prop there would make this unneeded).
 */
export function EmbedVideoList({ allowStop, defaultPlatform = null, ...viewProps }: EmbedVideoListProps) {
  const [platform, setPlatform] = useState<string | null>(defaultPlatform);
  const list = useVideos(platform === null ? {} : { platform });
  const stop = useStopTracking();
  const stopId = typeof stop.variables === 'string' ? stop.variables : null;
  return (
    <VideoListView
      {...viewProps}
      videos={list.data?.videos}
      status={list.status}
      error={list.error}
      onRetry={() => void list.refetch()}
      platform={platform}
      onPlatformChange={setPlatform}
      {...(allowStop
        ? {
            onStop: stop.mutate,
            stoppingId: stop.isPending ? stopId : null,
            stopError: stop.error && stopId ? { id: stopId, error: stop.error } : null,
          }
        : {})}
    />
  );
}
