/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Runs `measure` `times` times (after `warmup` unrecorded runs) and returns every figure. */
export async function repeat(times: number, measure: () => Promise<number>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await measure();
  const figures: number[] = [];
  for (let i = 0; i < times; i++) figures.push(await measure());
  return figures;
}

/** The differences between consecutive values (one fewer than given). */
export function deltas(values: readonly number[]): number[] {
  return values.slice(1).map((v, i) => v - values[i]);
}
