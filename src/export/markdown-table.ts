import { CSV_LIST_SEPARATOR } from './csv-text.js';
import { flattenRecords, type Cell } from './flatten-record.js';

/** A cell's Markdown text: `|` and `\` escaped, line breaks as `<br>`, so server text never breaks the table. */
export function markdownCell(cell: Cell): string {
  const text = cell === null ? '' : Array.isArray(cell) ? cell.map(String).join(CSV_LIST_SEPARATOR) : String(cell);
  return text.replace(/[\\|]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '<br>');
}

/** A GitHub-flavoured Markdown table of `records` with the given columns (a header, a rule, one line per record). */
export function markdownTable(records: unknown, columns: readonly string[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  const rows = flattenRecords(records, columns).map((row) => line(row.map(markdownCell)));
  return line(columns.map((c) => markdownCell(c))) + line(columns.map(() => '---')) + rows.join('');
}
