import {
  type KeyboardEvent,
  type PointerEvent,
  type Ref,
  useCallback,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import type { Formatters } from '../internal/format.js';
import { visuallyHidden } from '../internal/root.css.js';
import { ChartAxes } from './ChartAxes.js';
import { ChartLines } from './ChartLines.js';
import { ChartTooltip, type TooltipRow } from './ChartTooltip.js';
import { crosshair as crosshairClass, dot, plot, svg as svgClass } from './chart.css.js';
import { nearestIndex, stops } from './data.js';
import { computeGeometry } from './geometry.js';
import { formatHoursSinceStart } from './timeTicks.js';
import type { ChartAlign, ChartMode, ChartScale, PlotSeries } from './types.js';
import { exactText } from './values.js';

const HOUR = 3_600_000;

/** Props of {@link ChartPlot}. */
export interface ChartPlotProps {
  /** The visible series. */
  series: readonly PlotSeries[];
  width: number;
  height: number;
  mode: ChartMode;
  scale: ChartScale;
  align: ChartAlign;
  format: Formatters;
  /** Accessible name of the focusable plot (with the keyboard hint). */
  label: string;
  /** Id of the element that describes the chart (its summary). */
  describedBy: string;
  hoursSinceStartLabel: string;
  notAvailable: string;
  svgRef: Ref<SVGSVGElement>;
}

interface Crosshair {
  x: number;
  via: 'pointer' | 'keyboard';
}

type CrosshairUpdate = Crosshair | null | ((current: Crosshair | null) => Crosshair | null);

/**
 * The crosshair as a small store read with useSyncExternalStore: React renders a store change
 * at once, so the tooltip follows a pointer move in the same frame. A state update from a pointer
 * move would wait for a later task and be painted a frame late.
 */
function useCrosshair(): [Crosshair | null, (update: CrosshairUpdate) => void] {
  const store = useMemo(() => {
    let value: Crosshair | null = null;
    const listeners = new Set<() => void>();
    return {
      get: () => value,
      set(update: CrosshairUpdate) {
        const next = typeof update === 'function' ? update(value) : update;
        // the pointer moving within one stop changes nothing on screen
        if (next === value || (next && value && next.x === value.x && next.via === value.via)) return;
        value = next;
        for (const listener of listeners) listener();
      },
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    };
  }, []);
  return [useSyncExternalStore(store.subscribe, store.get, store.get), store.set];
}

/**
 * The drawing and its interaction: axes, one line per series, a crosshair that follows the
 * pointer or the arrow keys, and a tooltip with every series' exact value at that hour.
 */
export function ChartPlot(props: ChartPlotProps) {
  const { series, width, height, mode, scale, align, format, svgRef } = props;
  const geometry = useMemo(
    () => computeGeometry({ series, width, height, scale, align, locale: format.locale }),
    [series, width, height, scale, align, format.locale],
  );
  const [crosshair, setCrosshair] = useCrosshair();
  const plotRef = useRef<HTMLDivElement>(null);
  // snapshots of different videos fall anywhere within an hour: half an hour either side is "that hour"
  const half = align === 'time' ? HOUR / 2 : 0.5;
  const day = align === 'time' ? 24 * HOUR : 24;
  const { margin, x } = geometry;

  const snapTo = useCallback(
    (clientX: number) => {
      const element = plotRef.current;
      if (!element) return;
      const px = clientX - element.getBoundingClientRect().left - margin.left;
      const stop = stops.nearest(series, x.invert(Math.min(Math.max(px, 0), geometry.innerWidth)));
      if (stop !== undefined) setCrosshair({ x: stop, via: 'pointer' });
    },
    [series, margin.left, x, geometry.innerWidth, setCrosshair],
  );

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => snapTo(event.clientX);
  const onPointerLeave = () => setCrosshair((c) => (c?.via === 'pointer' ? null : c));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const first = stops.first(series);
    const last = stops.last(series);
    if (first === undefined || last === undefined) return;
    const current = crosshair?.x;
    const step = event.shiftKey ? day : 2 * half;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
        // the first stop at least one step (less half an hour of jitter) to the right
        next = current === undefined ? first : (stops.atOrAfter(series, current + step - half) ?? last);
        break;
      case 'ArrowLeft':
        next = current === undefined ? last : (stops.atOrBefore(series, current - step + half) ?? first);
        break;
      case 'Home':
        next = first;
        break;
      case 'End':
        next = last;
        break;
      case 'Escape':
        if (crosshair) {
          event.preventDefault();
          setCrosshair(null);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    setCrosshair({ x: next, via: 'keyboard' });
  };

  const rows: TooltipRow[] = crosshair
    ? series
        .map((s) => {
          const i = nearestIndex(s.xs, crosshair.x);
          const point = i < 0 ? undefined : s.point(i);
          return { series: s, point: point && Math.abs(point.x - crosshair.x) <= half ? point : undefined };
        })
        // highest first, as the dots stack on the crosshair; series without a value there last
        .sort(
          (a, b) =>
            (b.point?.value ?? Number.NEGATIVE_INFINITY) - (a.point?.value ?? Number.NEGATIVE_INFINITY),
        )
    : [];
  const heading = crosshair
    ? align === 'time'
      ? format.dateTime(crosshair.x)
      : `${props.hoursSinceStartLabel}: ${formatHoursSinceStart(crosshair.x, format.locale)}`
    : '';
  const crossX = crosshair ? x(crosshair.x) : 0;
  const announcement =
    crosshair?.via === 'keyboard'
      ? `${heading}. ${rows
          .map((r) => `${r.series.label}: ${r.point ? exactText(r.point, mode, format) : props.notAvailable}`)
          .join(', ')}`
      : '';

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable plot, not a set of form fields
    <div
      ref={plotRef}
      className={plot}
      data-part="plot"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the arrow keys move the crosshair once the plot has focus
      tabIndex={0}
      role="group"
      aria-label={props.label}
      aria-describedby={props.describedBy}
      onPointerMove={onPointerMove}
      onPointerDown={onPointerMove}
      onPointerLeave={onPointerLeave}
      onKeyDown={onKeyDown}
      onBlur={() => setCrosshair((c) => (c?.via === 'keyboard' ? null : c))}
    >
      <svg
        ref={svgRef}
        className={svgClass}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        focusable="false"
      >
        <g transform={`translate(${margin.left},${margin.top})`}>
          <ChartAxes geometry={geometry} />
          <ChartLines series={series} geometry={geometry} />
          {crosshair ? (
            <g data-part="crosshair" data-export="skip">
              <line className={crosshairClass} x1={crossX} x2={crossX} y1={0} y2={geometry.innerHeight} />
              {rows.map(({ series: s, point }) =>
                point ? (
                  <circle
                    key={s.id}
                    className={dot}
                    cx={x(point.x)}
                    cy={geometry.y(point.value)}
                    r={4}
                    style={{ fill: s.color }}
                  />
                ) : null,
              )}
            </g>
          ) : null}
        </g>
      </svg>
      {crosshair ? (
        <ChartTooltip
          heading={heading}
          rows={rows}
          mode={mode}
          format={format}
          notAvailable={props.notAvailable}
          left={margin.left + crossX}
          width={width}
        />
      ) : null}
      <div className={visuallyHidden} aria-live="polite" data-part="announcer">
        {announcement}
      </div>
    </div>
  );
}
