import { terminalLine } from '../domain/terminal-text.js';
import { visibleWidth } from './style.js';

/** A table cell or field value: plain text, or text with the decoration (colour) to add after it is sanitised and measured. */
export type Cell = string | { readonly text: string; readonly decorate: (text: string) => string };

/** A cell whose text gets `decorate` (e.g. a Style colour) once it is sanitised and padded. */
export function styled(text: string, decorate: (text: string) => string): Cell {
  return { text, decorate };
}

/** A cell's text as a terminal shows it (controls as visible escapes, one line) and its decoration. */
function cellParts(cell: Cell | undefined): { text: string; decorate?: (text: string) => string } {
  if (cell === undefined) return { text: '' };
  return typeof cell === 'string' ? { text: terminalLine(cell) } : { text: terminalLine(cell.text), decorate: cell.decorate };
}

/** Options for renderTable. */
export interface TableOptions {
  /** Per-column alignment; columns default to left. */
  align?: ReadonlyArray<'left' | 'right'>;
  /** Decorates each header cell (e.g. bold); applied after measuring. */
  header?: (text: string) => string;
  /** Spaces between columns (default 2). */
  gap?: number;
}

/**
 * Aligned plain-text columns, one line per row plus a header line, each ending in "\n". Every cell is
 * sanitised for the terminal (controls shown as visible escapes) before it is measured and decorated.
 */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>, options: TableOptions = {}): string {
  const gap = ' '.repeat(options.gap ?? 2);
  const head = headers.map((h) => ({ text: terminalLine(h), decorate: options.header }));
  const body = rows.map((r) => headers.map((_, i) => cellParts(r[i])));
  const widths = head.map((h, i) => Math.max(visibleWidth(h.text), ...body.map((r) => visibleWidth(r[i].text))));
  const line = (cells: ReadonlyArray<{ text: string; decorate?: (text: string) => string }>) =>
    cells
      .map(({ text, decorate }, i) => {
        const pad = ' '.repeat(widths[i] - visibleWidth(text));
        const shown = decorate ? decorate(text) : text;
        return options.align?.[i] === 'right' ? pad + shown : shown + pad;
      })
      .join(gap)
      .trimEnd();
  return [line(head), ...body.map(line)].map((l) => `${l}\n`).join('');
}

/** "Label:  value" lines with the labels padded to one width, for detail views; values are sanitised like table cells. */
export function renderFields(fields: ReadonlyArray<readonly [string, Cell]>, decorateLabel?: (text: string) => string): string {
  const width = Math.max(0, ...fields.map(([label]) => visibleWidth(terminalLine(label)) + 1));
  return fields
    .map(([label, value]) => {
      const padded = `${terminalLine(label)}:`.padEnd(width);
      const { text, decorate } = cellParts(value);
      return `${decorateLabel ? decorateLabel(padded) : padded}  ${decorate ? decorate(text) : text}`.trimEnd() + '\n';
    })
    .join('');
}
