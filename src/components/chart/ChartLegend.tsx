import { legend, legendButton, legendText, swatch, swatchOff } from './chart.css.js';
import type { PlotSeries } from './types.js';

/** Props of {@link ChartLegend}. */
export interface ChartLegendProps {
  series: readonly PlotSeries[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string) => void;
  label: string;
}

/** One toggle button per series; `aria-pressed` says whether the series is drawn. */
export function ChartLegend({ series, hidden, onToggle, label }: ChartLegendProps) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form fields; these are view toggles
    <div className={legend} role="group" aria-label={label} data-part="legend">
      {series.map((s) => {
        const shown = !hidden.has(s.id);
        return (
          <button
            key={s.id}
            type="button"
            className={legendButton}
            aria-pressed={shown}
            onClick={() => onToggle(s.id)}
            data-series={s.id}
            title={s.label}
          >
            <span
              className={shown ? swatch : `${swatch} ${swatchOff}`}
              style={{ background: s.color }}
              aria-hidden="true"
            />
            <span className={legendText}>{s.label}</span>
          </button>
        );
      })}
    </div>
  );
}
