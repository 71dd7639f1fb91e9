/** One row of the benchmark table: a figure, the baseline measured in the same run, and the target. */
export interface BenchRow {
  /** The case's short name (what `npm run bench -- <case>` takes). */
  case: string;
  /** What was measured, e.g. "p99 latency, 100 clients". */
  label: string;
  value: number;
  unit: string;
  baseline: { label: string; value: number; unit: string } | null;
  /** value ÷ baseline.value, when both are in the same unit. */
  ratio: number | null;
  /** The target in words, e.g. "≤ 2× baseline". */
  target: string;
  met: boolean;
  /** What limits the figure when the target is missed, or how it was measured. */
  note?: string;
}

/** A benchmark case: a name, a title, and a run that returns its rows. */
export interface BenchCase {
  name: string;
  title: string;
  run(): Promise<BenchRow[]>;
}

/** Builds a row, computing the ratio from the value and the baseline. */
export function row(fields: Omit<BenchRow, 'ratio'> & { ratio?: number | null }): BenchRow {
  const ratio = fields.ratio !== undefined ? fields.ratio : fields.baseline && fields.baseline.value > 0 ? fields.value / fields.baseline.value : null;
  return { ...fields, ratio };
}

/** Builds a row that meets its target when value ÷ baseline is at most `maxRatio`. */
export function ratioRow(fields: Omit<BenchRow, 'ratio' | 'met' | 'target'>, maxRatio: number, target = `≤ ${maxRatio}×`): BenchRow {
  const built = row({ ...fields, target, met: false });
  return { ...built, met: built.ratio !== null && built.ratio <= maxRatio };
}

/** A row for a figure that could not be measured (a tool that could not be installed): not met, with why. */
export function unmeasuredRow(fields: Pick<BenchRow, 'case' | 'label' | 'unit' | 'target'>, why: string): BenchRow {
  return { ...fields, value: NaN, baseline: null, ratio: null, met: false, note: why };
}
