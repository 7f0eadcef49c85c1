import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import {
  darkTokens,
  lightTokens,
  type ThemeName,
  type ThemeTokens,
  themeClass,
  themeStyle,
  vars,
} from '../src/theme/index.js';
import { brandTheme } from './support/brandTheme.js';

/** `var(--cs-color-text)` → `--cs-color-text`. */
const cssName = (reference: string) => reference.slice(4, -1);

type Group = keyof ThemeTokens;

interface TokenTableProps {
  /** Heading of the panel. */
  title: string;
  /** Built-in theme the panel uses. */
  base: ThemeName;
  /** The values to list (what the theme sets). */
  tokens: ThemeTokens;
  /** Overrides applied on top of the base (a brand). */
  overrides?: Parameters<typeof themeStyle>[0];
}

const cell: CSSProperties = {
  padding: '6px 8px',
  borderTop: `1px solid ${vars.color.border}`,
  verticalAlign: 'middle',
};

function Sample({ group, reference }: { group: Group; reference: string }) {
  const box: CSSProperties = { display: 'inline-block', width: 40, height: 24, verticalAlign: 'middle' };
  switch (group) {
    case 'color':
      return (
        <span style={{ ...box, background: reference, border: `1px solid ${vars.color.borderStrong}` }} />
      );
    case 'series':
      return <span style={{ ...box, height: 4, background: reference, borderRadius: 2 }} />;
    case 'font':
      return <span style={{ fontFamily: reference }}>Aa 123</span>;
    case 'fontSize':
      return <span style={{ fontSize: reference }}>Aa</span>;
    case 'fontWeight':
      return <span style={{ fontWeight: reference }}>Aa</span>;
    case 'space':
      return <span style={{ ...box, height: 12, width: reference, background: vars.color.accent }} />;
    case 'radius':
      return (
        <span
          style={{
            ...box,
            background: vars.color.surfaceSunken,
            border: `1px solid ${vars.color.borderStrong}`,
            borderRadius: reference,
          }}
        />
      );
    case 'shadow':
      return <span style={{ ...box, background: vars.color.surfaceRaised, boxShadow: reference }} />;
  }
}

/** Every `--cs-*` variable with its value and a sample, rendered inside the theme it documents. */
function TokenTable({ title, base, tokens, overrides }: TokenTableProps) {
  const groups = Object.keys(vars) as Group[];
  return (
    <section
      className={themeClass(base)}
      style={{
        ...themeStyle(overrides),
        background: vars.color.surface,
        color: vars.color.text,
        fontFamily: vars.font.body,
        fontSize: 13,
        border: `1px solid ${vars.color.border}`,
        borderRadius: 8,
        padding: 12,
        flex: '1 1 340px',
        minWidth: 0,
      }}
    >
      <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{title}</h2>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'start', color: vars.color.textMuted, paddingBottom: 4 }}>
            Custom properties of the {title.toLowerCase()}
          </caption>
          <thead>
            <tr>
              <th style={{ ...cell, textAlign: 'start' }}>Variable</th>
              <th style={{ ...cell, textAlign: 'start' }}>Value</th>
              <th style={{ ...cell, textAlign: 'start' }}>Sample</th>
            </tr>
          </thead>
          <tbody>
            {groups.flatMap((group) =>
              Object.entries(vars[group] as Record<string, string>).map(([key, reference]) => {
                const own = (overrides?.[group] as Record<string, string> | undefined)?.[key];
                const value = own ?? (tokens[group] as Record<string, string>)[key] ?? '';
                return (
                  <tr key={reference}>
                    <td style={cell}>
                      <code style={{ fontFamily: vars.font.mono }}>{cssName(reference)}</code>
                    </td>
                    <td style={{ ...cell, maxWidth: 160, overflowWrap: 'anywhere' }}>
                      <code style={{ fontFamily: vars.font.mono, color: vars.color.textMuted }}>{value}</code>
                    </td>
                    <td style={cell}>
                      <Sample group={group} reference={reference} />
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const meta = {
  title: 'Theme/Tokens',
  component: TokenTable,
  parameters: {
    docs: {
      description: {
        component:
          'Every `--cs-*` custom property of the theme contract with its value. Override any of them with plain CSS on a component root, or pass `theme={{ base, ...overrides }}` to the provider or a component.',
      },
    },
  },
} satisfies Meta<typeof TokenTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The light and dark themes side by side (independent of the toolbar's theme). */
export const LightAndDark: Story = {
  args: { title: 'Light theme', base: 'light', tokens: lightTokens },
  render: () => (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
      <TokenTable title="Light theme" base="light" tokens={lightTokens} />
      <TokenTable title="Dark theme" base="dark" tokens={darkTokens} />
    </div>
  ),
};

/** One theme; pick it in the controls. */
export const Light: Story = { args: { title: 'Light theme', base: 'light', tokens: lightTokens } };

/** The dark theme. */
export const Dark: Story = { args: { title: 'Dark theme', base: 'dark', tokens: darkTokens } };

/** A customer's brand: a handful of overrides over the light theme (see stories/support/brandTheme.ts). */
export const Brand: Story = {
  args: { title: 'Brand theme', base: 'light', tokens: lightTokens, overrides: brandTheme },
};
