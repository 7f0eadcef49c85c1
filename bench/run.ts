/**
 * `npm run bench [-- <id> …]`: runs the benchmark sections (all, or the ids given), prints a
 * table per section and the targets, and writes bench/results.json. Not part of `npm test`:
 * the figures are comparisons measured side by side in one run, and take minutes.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Bench, Row, Section } from './lib.js';

const MODULES: Record<string, () => Promise<{ bench: Bench }>> = {
  size: () => import('./size.js'),
  render: () => import('./render.js'),
  network: () => import('./network.js'),
  proxy: () => import('./proxy.js'),
  parse: () => import('./parse.js'),
};

function printTable(rows: readonly Row[]): void {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: Row[string] | undefined): string =>
    value === null || value === undefined ? '' : String(value);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => cell(row[c]).length)));
  const line = (values: string[]): string =>
    values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((id) => !(id in MODULES));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(MODULES).join(', ')}`);
    process.exit(2);
  }
  const ids = wanted.length > 0 ? wanted : Object.keys(MODULES);
  const sections: Section[] = [];
  let failed = false;
  for (const id of ids) {
    const load = MODULES[id]!;
    console.log(`\n== ${id} ==`);
    try {
      const { bench } = await load();
      const section = await bench.run();
      sections.push(section);
      console.log(`${section.title}\n${section.description}\n`);
      printTable(section.rows);
      for (const note of section.notes ?? []) console.log(`note: ${note}`);
      for (const t of section.targets) {
        console.log(`${t.met ? 'MET    ' : 'NOT MET'}  ${t.name}: ${t.measured} (target ${t.target})`);
      }
    } catch (error) {
      failed = true;
      console.error(`${id} failed:`, error);
    }
  }
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGB: Math.round(totalmem() / 2 ** 30),
    },
    sections: Object.fromEntries(sections.map((s) => [s.id, s])),
  };
  // a partial run (some ids) updates only its sections in the file
  if (wanted.length > 0) {
    try {
      const { readFileSync } = await import('node:fs');
      const previous = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8')) as {
        sections?: Record<string, Section>;
      };
      results.sections = { ...previous.sections, ...results.sections };
    } catch {
      // no earlier results: this run's sections are the file
    }
  }
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
  if (failed) process.exit(1);
}

await main();
