import type { BenchRow } from './types.js';

function figure(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

/** The benchmark table as aligned text: case, figure, baseline, ratio, target, met. */
export function renderBenchTable(rows: readonly BenchRow[]): string {
  const header = ['CASE', 'FIGURE', 'BASELINE', 'RATIO', 'TARGET', 'MET'];
  const body = rows.map((r) => [
    `${r.case}: ${r.label}`,
    figure(r.value, r.unit),
    r.baseline ? `${figure(r.baseline.value, r.baseline.unit)} (${r.baseline.label})` : '-',
    r.ratio === null ? '-' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.case}: ${r.note}`);
  return [line(header), ...body.map(line), ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}
