import { saveBlob } from './saveBlob.js';

/** A CSV cell: text, a number, an exact bigint, or nothing. */
export type CsvValue = string | number | bigint | null | undefined;

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
// a spreadsheet runs a cell that starts with one of these as a formula (CSV injection)
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, safe to open in a spreadsheet: numbers and bigints as plain digits (exact above
 * 2^53), text that would start a formula prefixed with `'`, quoted when it holds a comma, a
 * quote or a line break.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text (RFC 4180 line ends). */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** Offers CSV `text` as a file download; does nothing where there is no DOM (SSR). */
export function downloadText(text: string, fileName: string): void {
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}
