/**
 * What every benchmark section returns, and the small statistics they share. `bench/run.ts`
 * prints the sections as tables and writes them to bench/results.json.
 */

/** One row of a section's table: column name → value (numbers print as they are). */
export type Row = Record<string, string | number | null>;

/** A target from the benchmarks issue and where it stands in this run. */
export interface Target {
  /** What is measured, e.g. 'cached proxy GET, requests/s vs bare node:http'. */
  name: string;
  /** The target as written, e.g. '≥ 0.8×'. */
  target: string;
  /** The measured figure, e.g. '0.91×'. */
  measured: string;
  met: boolean;
}

/** One benchmark's results. */
export interface Section {
  /** Short id used on the command line (`npm run bench -- size`) and as the key in results.json. */
  id: string;
  title: string;
  /** What the figures mean, in a sentence or two (printed above the table). */
  description: string;
  rows: Row[];
  targets: Target[];
  /** Anything a reader needs to judge the numbers (machine load, skipped cases). */
  notes?: string[];
}

/** A benchmark module: `export const bench: Bench`. */
export interface Bench {
  id: string;
  run(): Promise<Section>;
}

/** Median, min and max of a sample (at least one value). */
export function summary(values: readonly number[]): { median: number; min: number; max: number } {
  if (values.length === 0) throw new Error('summary of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** A ratio printed the way the README quotes it: `1.23×`. */
export function ratio(value: number, digits = 2): string {
  return `${value.toFixed(digits)}×`;
}
