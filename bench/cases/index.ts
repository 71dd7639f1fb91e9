import type { BenchCase } from '../harness/types.js';

/** Every benchmark case, in table order. */
export const BENCH_CASES: BenchCase[] = [];
