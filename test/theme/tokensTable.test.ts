import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokensTable } from './tokensTable.js';

// src/theme/TOKENS.md is the table the README shows; regenerate it with
// `UPDATE_TOKENS_TABLE=1 npx vitest run --project unit test/theme/tokensTable.test.ts`.
const file = new URL('../../src/theme/TOKENS.md', import.meta.url);

describe('the variables table', () => {
  it('lists every variable with its light and dark default', async () => {
    const table = tokensTable();
    if (process.env.UPDATE_TOKENS_TABLE === '1') {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(
        file,
        `# Theme variables\n\nEvery \`--cs-*\` custom property and its default in the light and dark themes.\n\n${table}`,
      );
    }
    expect(readFileSync(file, 'utf8')).toContain(table);
    expect(table).toContain('| `--cs-color-text` | `#1b1f24` | `#e7eaee` |');
  });
});
