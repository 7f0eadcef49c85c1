import type { DemoInfo } from '../site.js';
import type { DemoTheme } from './themes.js';

const THEMES: { value: DemoTheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'brand', label: 'Brand' },
];

/** Product name, where the data comes from, links to the other two pages, and the theme switch. */
export function Header(props: {
  info: DemoInfo | null;
  theme: DemoTheme;
  onTheme: (theme: DemoTheme) => void;
}) {
  const { info } = props;
  return (
    <header className="demo-header">
      <a className="demo-skip" href="#main">
        Skip to the dashboard
      </a>
      <div className="demo-brand">
        <svg viewBox="0 0 16 16" width="28" height="28" aria-hidden="true" className="demo-logo">
          <rect width="16" height="16" rx="4" />
          <path d="M4 11l3-3 2 2 3-4" />
        </svg>
        <div>
          <p className="demo-product">ContentStats kit</p>
          <h1 className="demo-title">Video analytics dashboard</h1>
          <p className="demo-source" data-testid="data-source">
            {info === null ? (
              <span className="demo-pill">Connecting…</span>
            ) : info.mode === 'local' ? (
              <>
                <span className="demo-pill demo-pill-local">Local API</span>
                <span className="demo-muted">
                  Simulated clock: 1 hour every {info.speed ? Math.round(3600 / info.speed) : '?'} s
                </span>
              </>
            ) : (
              <>
                <span className="demo-pill demo-pill-real">Real API</span>
                <span className="demo-muted">Your key, through the proxy: tracking costs real money</span>
              </>
            )}
          </p>
        </div>
      </div>
      <nav className="demo-nav" aria-label="Demo pages">
        <a href="/" aria-current="page">
          Dashboard
        </a>
        <a href="/marketing/">Marketing page</a>
        <a href="/storybook/">Storybook</a>
      </nav>
      <fieldset className="demo-themes">
        <legend className="demo-visually-hidden">Theme</legend>
        {THEMES.map((t) => (
          <label key={t.value} className="demo-theme-option">
            <input
              type="radio"
              name="demo-theme"
              value={t.value}
              checked={props.theme === t.value}
              onChange={() => props.onTheme(t.value)}
            />
            <span>{t.label}</span>
          </label>
        ))}
      </fieldset>
    </header>
  );
}
