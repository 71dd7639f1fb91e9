import { outputEndAt, visiblePodAt } from './lifecycle.js';
import { logScript } from './log-scripts.js';
import { containerAt } from './pods.js';
import { unit } from './random.js';
import type { SimSession } from './types.js';

/** At most this many periodic lines are generated per container. */
export const MAX_PERIODIC_LINES = 5000;

/**
 * The log snapshot of the session's current container at `now` (what `kubectl logs --tail -1` prints):
 * empty while queued, before the container starts, or once the pod was deleted.
 */
export function logsAt(s: SimSession, now: number, seed: number, speed: number): string {
  const pod = visiblePodAt(s, now);
  const run = pod && containerAt(s, pod, now);
  if (!pod || !run) return '';
  const start = run.startedAt;
  const end = Math.min(now, outputEndAt(s, pod, run));
  const script = logScript(s, seed);
  const lines: string[] = [];
  for (const [offset, line] of script.startup) {
    const at = start + (offset * 1000) / speed;
    if (at <= end) lines.push(line(at));
  }
  let steps = 0;
  if (script.periodic) {
    const { minSeconds, maxSeconds, line } = script.periodic;
    // headless output starts once the command runs; interactive chatter once the app is up
    let at = Math.max(run.readyAt, start);
    for (let k = 0; k < MAX_PERIODIC_LINES; k++) {
      const gap = minSeconds + unit(seed, s.id, s.appId ?? '', 'gap', k) * (maxSeconds - minSeconds);
      at += (gap * 1000) / speed;
      if (at > end || at >= run.exitAt) break;
      lines.push(line(at, k));
      steps = k + 1;
    }
  }
  // an OOM kill gives the command no chance to print anything
  if (script.end && run.exitAt <= end && s.trouble !== 'oom') {
    lines.push(...script.end(run.exitAt, s.outcome === 'Failed' || s.trouble === 'crash-loop', steps));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
