import { containerStartAt, finalStatus, finishedAt, outputEndAt } from './lifecycle.js';
import { logScript } from './log-scripts.js';
import { unit } from './random.js';
import type { SimSession } from './types.js';

/** At most this many periodic lines are generated per container. */
export const MAX_PERIODIC_LINES = 5000;

/** The container's full log snapshot at `now` (what `kubectl logs --tail -1` prints); empty before it starts. */
export function logsAt(s: SimSession, now: number, seed: number, speed: number): string {
  const start = containerStartAt(s);
  const end = Math.min(now, outputEndAt(s));
  if (end < start) return '';
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
    let at = Math.max(s.readyAt, start);
    for (let k = 0; k < MAX_PERIODIC_LINES; k++) {
      const gap = minSeconds + unit(seed, s.id, s.appId ?? '', 'gap', k) * (maxSeconds - minSeconds);
      at += (gap * 1000) / speed;
      if (at > end || (s.runEndAt !== undefined && at >= s.runEndAt)) break;
      lines.push(line(at, k));
      steps = k + 1;
    }
  }
  if (script.end && s.runEndAt !== undefined && s.runEndAt <= end && finishedAt(s) === s.runEndAt) {
    lines.push(...script.end(s.runEndAt, finalStatus(s) === 'Failed', steps));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
