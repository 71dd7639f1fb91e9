import { startChild, type BenchChild } from './child.js';
import type { SimChildInfo, SimChildOptions } from './sim-child.js';

/** A simulator running in its own process (see sim-child.ts). */
export type SimProcess = BenchChild<SimChildInfo>;

/** Starts a simulator child: `sessions` busy Running sessions, or the demo platform. */
export function startSim(options: SimChildOptions): Promise<SimProcess> {
  return startChild<SimChildInfo>('sim-child.js', options);
}
