// RFC 4180 CSV: a header row of column names, CRLF line ends, quoting only where needed,
// and a guard against spreadsheet formula injection.

import { flattenRecords, type Cell } from './flatten-record.js';

/** What starts a formula in Excel, LibreOffice and Google Sheets (tab and CR too, per OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Separator of the items of a list cell. */
export const CSV_LIST_SEPARATOR = ';';

/**
 * A text cell made safe for spreadsheets: one that starts like a formula (`=`, `+`, `-`, `@`, tab, CR)
 * or with `'` gets a leading `'`, so a reader drops exactly one leading `'` to get the text back.
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) || text.startsWith("'") ? `'${text}` : text;
}

/** A cell's text before quoting: null empty, numbers and booleans as JSON writes them, lists joined by `;`. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) return guardFormula(cell.map(String).join(CSV_LIST_SEPARATOR));
  if (typeof cell === 'string') return guardFormula(cell);
  return String(cell);
}

/** One field quoted per RFC 4180: in double quotes (doubled inside) when it holds a comma, a quote, CR or LF. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text of `records` (an array, or one object as one row) with the given columns; `cell` may rewrite each field's text (e.g. for a terminal). */
export function csvText(records: unknown, columns: readonly string[], cell: (text: string) => string = (t) => t): string {
  const lines = [columns, ...flattenRecords(records, columns).map((row) => row.map((c) => cell(cellText(c))))];
  return lines.map((fields) => `${fields.map(quoteField).join(',')}\r\n`).join('');
}
