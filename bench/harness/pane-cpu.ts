import { sleep } from './paths.js';
import { processTreeCpuMs } from './proc.js';
import type { TmuxPane } from './tmux.js';

/**
 * CPU of several panes measured side by side: `windows` consecutive windows of `windowMs`, each
 * pane's process tree read from /proc at both ends. Returns, per pane, % of one core per window.
 */
export async function paneCpuWindows(panes: Record<string, TmuxPane>, windows: number, windowMs: number): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = Object.fromEntries(Object.keys(panes).map((name) => [name, []]));
  // The pane's process is fixed once it runs; read the pid once so a window costs only /proc reads.
  const pids = Object.fromEntries(Object.entries(panes).map(([name, pane]) => [name, pane.pid]));
  const read = () => Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processTreeCpuMs(pid) ?? NaN]));
  let before = read();
  for (let w = 0; w < windows; w++) {
    const start = process.hrtime.bigint();
    await sleep(windowMs);
    const after = read();
    const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    for (const name of Object.keys(panes)) out[name].push(((after[name] - before[name]) / elapsedMs) * 100);
    before = after;
  }
  return out;
}
