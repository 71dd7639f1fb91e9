import { visibleWidth } from './style.js';

/** Options for renderTable. */
export interface TableOptions {
  /** Per-column alignment; columns default to left. */
  align?: ReadonlyArray<'left' | 'right'>;
  /** Decorates each header cell (e.g. bold); applied after measuring. */
  header?: (text: string) => string;
  /** Spaces between columns (default 2). */
  gap?: number;
}

/** Aligned plain-text columns, one line per row plus a header line, each ending in "\n"; colour-aware widths. */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
  const gap = ' '.repeat(options.gap ?? 2);
  const widths = headers.map((h, i) => Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r[i] ?? ''))));
  const line = (cells: readonly string[], decorate?: (text: string) => string) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - visibleWidth(cell));
        const shown = decorate ? decorate(cell) : cell;
        return options.align?.[i] === 'right' ? pad + shown : shown + pad;
      })
      .join(gap)
      .trimEnd();
  return [line(headers, options.header), ...rows.map((r) => line(headers.map((_, i) => r[i] ?? '')))].map((l) => `${l}\n`).join('');
}

/** "Label:  value" lines with the labels padded to one width, for detail views. */
export function renderFields(fields: ReadonlyArray<readonly [string, string]>, decorateLabel?: (text: string) => string): string {
  const width = Math.max(0, ...fields.map(([label]) => visibleWidth(label) + 1));
  return fields
    .map(([label, value]) => {
      const padded = `${label}:`.padEnd(width);
      return `${decorateLabel ? decorateLabel(padded) : padded}  ${value}`.trimEnd() + '\n';
    })
    .join('');
}
