// Append detection for `logs --follow` without a daemon. The daemon has its own (daemon/logs/log-diff.ts), which
// src/ may not import; this is the minimal version: new complete lines, or a reset when the log no longer continues.

/** What changed between the log seen so far and a new snapshot; `seen` is what to pass next time. */
export interface LogStep {
  reset: boolean;
  lines: string[];
  seen: string;
}

/** The end of the seen log that anchors a truncated snapshot (whose head was cut by the size cap): its last lines, kept short. */
const ANCHOR_LINES = 5;
const ANCHOR_CHARS = 1024;

function anchorOf(seen: string): string {
  let start = seen.length - 1;
  for (let n = 0; n < ANCHOR_LINES && start > 0; n++) start = seen.lastIndexOf('\n', start - 1);
  return seen.slice(Math.max(start + 1, seen.length - ANCHOR_CHARS));
}

const linesOf = (text: string): string[] => (text === '' ? [] : text.slice(0, -1).split('\n'));

/**
 * Pure: compares a full snapshot with the complete lines seen before (null: nothing yet). A partial last line
 * waits for its newline. A snapshot that does not continue what was seen is a reset: all its lines again.
 */
export function nextLogStep(seen: string | null, text: string, truncated = false): LogStep {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  if (seen === null) return { reset: false, lines: linesOf(complete), seen: complete };
  if (!truncated && complete.startsWith(seen)) return { reset: false, lines: linesOf(complete.slice(seen.length)), seen: complete };
  if (truncated && seen !== '') {
    const anchor = anchorOf(seen);
    const at = complete.lastIndexOf(anchor);
    if (at >= 0) return { reset: false, lines: linesOf(complete.slice(at + anchor.length)), seen: complete };
  }
  if (complete === '' && seen === '') return { reset: false, lines: [], seen };
  return { reset: true, lines: linesOf(complete), seen: complete };
}
