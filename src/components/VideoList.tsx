import {
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { ContentStatsError } from '../client/errors.js';
import type { VideoSummary } from '../client/types.js';
import { parseCount } from '../metrics/counts.js';
import { useStopTracking } from '../react/useStopTracking.js';
import { useVideos } from '../react/useVideos.js';
import { videoLabel } from './chart/videoLabel.js';
import { Count } from './internal/Count.js';
import { button, field } from './internal/controls.css.js';
import { ErrorState } from './internal/ErrorState.js';
import type { Formatters } from './internal/format.js';
import { type HeadingLevel, headingOf } from './internal/Heading.js';
import type { Labels } from './internal/labels.js';
import { offlineAware } from './internal/offline.js';
import { type RootProps, useRootProps, viewState } from './internal/Root.js';
import { Skeleton } from './internal/Skeleton.js';
import { stateBody } from './internal/stateBody.js';
import type { StateRenderProps } from './internal/stateProps.js';
import { type UiProps, useUi } from './internal/ui.js';
import * as css from './VideoList.css.js';

/** Props of {@link VideoListView}. */
export interface VideoListViewProps extends UiProps, RootProps, StateRenderProps {
  /** Tracked videos (`useVideos().data.videos`); `undefined` while loading. */
  videos?: readonly VideoSummary[] | undefined;
  /** State of the data. @defaultValue 'success' when `videos` are given, else 'pending' */
  status?: 'pending' | 'error' | 'success' | undefined;
  error?: ContentStatsError | null | undefined;
  onRetry?: (() => void) | undefined;
  /** Platform filter (controlled); `null` shows all. */
  platform?: string | null | undefined;
  /** Initial platform filter (uncontrolled). @defaultValue null */
  defaultPlatform?: string | null | undefined;
  /** Called when the filter changes. */
  onPlatformChange?: ((platform: string | null) => void) | undefined;
  /** Platforms offered in the filter, besides those present in the list. @defaultValue ['tiktok'] */
  platforms?: readonly string[] | undefined;
  /** Called with a video's id when it is chosen; without it, links are plain text. */
  onSelect?: ((id: string) => void) | undefined;
  /** The chosen video, highlighted. */
  selectedId?: string | null | undefined;
  /** Stops a tracking, after the confirmation step; without it no Stop buttons show. */
  onStop?: ((id: string) => void) | undefined;
  /** Id of the video being stopped right now. */
  stoppingId?: string | null | undefined;
  /** Why the last stop failed, with the id it was for. */
  stopError?: { id: string; error: ContentStatsError } | null | undefined;
  /** Heading; `null` hides it. @defaultValue labels.videosTitle */
  heading?: string | null | undefined;
  /** Level of the heading, to fit the page's outline. @defaultValue 2 */
  headingLevel?: HeadingLevel | undefined;
}

function latestCount(video: VideoSummary, metric: 'views' | 'likes'): bigint | null {
  const value = video.latest_snapshot?.[metric] ?? video.snapshots?.[video.snapshots.length - 1]?.[metric];
  if (typeof value !== 'string') return null;
  try {
    return parseCount(value);
  } catch {
    return null;
  }
}

interface ItemProps {
  video: VideoSummary;
  labels: Labels;
  format: Formatters;
  selected: boolean;
  onSelect: ((id: string) => void) | undefined;
  onStop: ((id: string) => void) | undefined;
  stopping: boolean;
  stopError: ContentStatsError | undefined;
}

function VideoItem({ video, labels, format, selected, onSelect, onStop, stopping, stopError }: ItemProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<RefObject<HTMLElement | null> | null>(null);

  // a layout effect, so focus has moved before the next paint also under Preact, whose plain
  // effects run a frame later
  useLayoutEffect(() => {
    // focus follows the confirmation step: into it on open, back to Stop on cancel
    const target = focusAfter.current;
    focusAfter.current = null;
    target?.current?.focus();
  });

  const open = () => {
    focusAfter.current = cancelRef;
    setConfirming(true);
  };
  const cancel = () => {
    focusAfter.current = stopRef;
    setConfirming(false);
  };
  const confirm = () => {
    // the Stop button goes away once the status changes: the item keeps the focus
    focusAfter.current = itemRef;
    setConfirming(false);
    onStop?.(video.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      cancel();
    }
  };

  const status = String(video.status);
  const badge = css.badge[status as keyof typeof css.badge] ?? css.badge.other;
  const created = Date.parse(video.created_at ?? '');
  const canStop = onStop !== undefined && status === 'monitoring';
  // "@handle · …123456" first: at 320 px full links all truncate to the same "https://www.tiktok.com/@cre…"
  const name = videoLabel(video);
  const cut = name.indexOf(' · ');
  const nameView =
    cut > 0 ? (
      <span className={css.nameRow}>
        <span className={css.nameHead}>{name.slice(0, cut)}</span>
        <span className={css.nameTail}>{name.slice(cut)}</span>
      </span>
    ) : (
      name
    );

  return (
    <li
      ref={itemRef}
      className={css.item}
      tabIndex={-1}
      data-part="item"
      data-selected={selected || undefined}
      data-status={status}
      aria-current={selected || undefined}
    >
      <div className={css.main}>
        {onSelect ? (
          <button
            type="button"
            className={css.linkButton}
            onClick={() => onSelect(video.id)}
            title={video.video_link}
            // the name must contain the visible text; the full link is the description (title)
            aria-label={labels.selectVideo(name)}
            data-part="select"
          >
            {nameView}
          </button>
        ) : (
          <span className={css.linkText} title={video.video_link} data-part="link">
            {nameView}
          </span>
        )}
        <div className={css.meta}>
          <span className={badge} data-part="status">
            {labels.statusName(status)}
          </span>
          <span className={css.platformName}>{labels.platformName(String(video.platform))}</span>
          {Number.isFinite(created) ? (
            <time dateTime={new Date(created).toISOString()}>
              {labels.trackedSince(format.date(created))}
            </time>
          ) : null}
        </div>
        <div className={css.counts} data-part="counts">
          {(['views', 'likes'] as const).map((metric) => (
            <span key={metric}>
              <span className={css.countLabel}>{labels[metric]}</span>
              <Count value={latestCount(video, metric)} format={format} notAvailable={labels.notAvailable} />
            </span>
          ))}
        </div>
      </div>
      <div className={css.actions}>
        {stopping ? (
          <span role="status" className={css.countLabel} data-part="stopping">
            {labels.stopPending}
          </span>
        ) : canStop && !confirming ? (
          <button
            ref={stopRef}
            type="button"
            className={button.secondary}
            onClick={open}
            aria-label={labels.stopVideo(video.video_link)}
            data-part="stop"
          >
            {labels.stop}
          </button>
        ) : null}
      </div>
      {confirming ? (
        <fieldset id={`${id}-confirm`} className={css.confirm} onKeyDown={onKeyDown} data-part="stop-confirm">
          <legend className={css.confirmText}>{labels.stopConfirm(video.video_link)}</legend>
          <div className={css.actions} style={{ justifyContent: 'flex-start' }}>
            <button type="button" className={button.danger} onClick={confirm} data-part="stop-confirm-yes">
              {labels.stopConfirmYes}
            </button>
            <button
              ref={cancelRef}
              type="button"
              className={button.secondary}
              onClick={cancel}
              data-part="stop-cancel"
            >
              {labels.stopCancel}
            </button>
          </div>
        </fieldset>
      ) : null}
      {stopError ? (
        <div className={css.fullRow}>
          <ErrorState error={stopError} labels={labels} format={format} />
        </div>
      ) : null}
    </li>
  );
}

/**
 * Tracked videos with a platform filter, status badges, the latest counts, and Stop with a
 * confirmation step (focus moves into it and back; Escape cancels). Data comes in as props.
 */
export function VideoListView(props: VideoListViewProps) {
  const {
    videos,
    defaultPlatform = null,
    onPlatformChange,
    platforms = ['tiktok'],
    onSelect,
    selectedId,
    onStop,
    stoppingId,
    stopError,
  } = props;
  const ui = useUi(props);
  const { labels, format } = ui;
  const [ownPlatform, setOwnPlatform] = useState<string | null>(defaultPlatform);
  const platform = props.platform !== undefined ? props.platform : ownPlatform;
  const shown = videos ? videos.filter((v) => platform === null || v.platform === platform) : [];
  const options = [...new Set([...platforms, ...(videos ?? []).map((v) => String(v.platform))])];

  const state = viewState(props.status, Boolean(videos), shown.length > 0);
  const rootProps = useRootProps('VideoList', ui, props, state);

  let body: ReactNode;
  if (state !== 'ready') {
    body = stateBody(
      state,
      props,
      ui,
      () => <Skeleton label={labels.loading} lines={['100%', '100%', '100%']} lineHeight="3.5em" />,
      labels.videosEmpty,
    );
  } else {
    body = (
      <ul className={css.list} data-part="list">
        {shown.map((video) => (
          <VideoItem
            key={video.id}
            video={video}
            labels={labels}
            format={format}
            selected={selectedId === video.id}
            onSelect={onSelect}
            onStop={onStop}
            stopping={stoppingId === video.id}
            stopError={stopError && stopError.id === video.id ? stopError.error : undefined}
          />
        ))}
      </ul>
    );
  }

  return (
    <div {...rootProps}>
      <div className={css.header}>
        {headingOf(props, labels.videosTitle, css.heading)}
        {/* stays put while a new filter loads, so keyboard focus is not lost */}
        {videos || platform !== null || onPlatformChange ? (
          <label className={css.filter}>
            {labels.platformFilter}
            <select
              className={`${field} ${css.select}`}
              value={platform ?? ''}
              onChange={(event) => {
                const next = event.target.value === '' ? null : event.target.value;
                setOwnPlatform(next);
                onPlatformChange?.(next);
              }}
              data-part="platform-filter"
            >
              <option value="">{labels.allPlatforms}</option>
              {options.map((option) => (
                <option key={option} value={option}>
                  {labels.platformName(option)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {body}
    </div>
  );
}

/** Props of {@link VideoList}. */
export type VideoListProps = Omit<
  VideoListViewProps,
  'videos' | 'status' | 'error' | 'onRetry' | 'onStop' | 'stoppingId' | 'stopError' | 'platform'
> & {
  /** Hides Stop, e.g. for a token that may read but not stop. @defaultValue false */
  readOnly?: boolean | undefined;
};

/**
 * The tracked videos through the nearest `<ContentStatsProvider>`: filtered by platform on the
 * server, stopped through `useStopTracking` (the status flips at once and rolls back on error).
 */
export function VideoList(props: VideoListProps) {
  const { onPlatformChange, defaultPlatform = null, readOnly = false, ...viewProps } = props;
  const [platform, setPlatform] = useState<string | null>(defaultPlatform);
  const list = useVideos(platform === null ? {} : { platform });
  const stop = useStopTracking();
  const stopId = typeof stop.variables === 'string' ? stop.variables : null;
  return (
    <VideoListView
      {...viewProps}
      videos={list.data?.videos}
      {...offlineAware(list)}
      onRetry={() => void list.refetch()}
      platform={platform}
      onPlatformChange={(next) => {
        setPlatform(next);
        onPlatformChange?.(next);
      }}
      onStop={readOnly ? undefined : (id) => stop.mutate(id)}
      stoppingId={stop.isPending ? stopId : null}
      stopError={stop.error && stopId ? { id: stopId, error: stop.error } : null}
    />
  );
}
