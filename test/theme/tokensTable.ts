import { darkTokens, lightTokens, type ThemeTokens, vars } from '../../src/theme/index.js';

/** The Markdown table of every `--cs-*` variable with its light and dark default (for the README). */
export function tokensTable(): string {
  const rows = ['| Variable | Light | Dark |', '| --- | --- | --- |'];
  for (const group of Object.keys(vars) as (keyof ThemeTokens)[]) {
    for (const [key, reference] of Object.entries(vars[group] as Record<string, string>)) {
      const light = (lightTokens[group] as Record<string, string>)[key] ?? '';
      const dark = (darkTokens[group] as Record<string, string>)[key] ?? '';
      const cell = (value: string) => `\`${value.replaceAll('|', '\\|')}\``;
      rows.push(
        `| \`${reference.slice(4, -1)}\` | ${cell(light)} | ${light === dark ? 'same' : cell(dark)} |`,
      );
    }
  }
  return `${rows.join('\n')}\n`;
}
