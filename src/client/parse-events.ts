import type { SessionEvent } from '../domain/platform.js';
import { boundText, TEXT_LIMITS as L } from '../domain/bounded-text.js';

// The Science Portal's row pattern (PORTAL parseEventLog.ts), with `<none>` added next to `<nil>`.
const ROW = /^(\S+)\s+(\S+)\s+(.*?)\s+(\S+|<nil>|<none>)\s+(\S+|<nil>|<none>)$/;
const HEADER = /^\s*TYPE\s+REASON\b/i;

/** Parses kubectl's custom-columns events table (`?view=events`); a `<none>` or empty body gives []. Keeps the newest TEXT_LIMITS.events rows, each field bounded. */
export function parseEvents(text: string): SessionEvent[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  if (lines.length === 0 || (lines.length === 1 && /^<(none|nil)>$/i.test(lines[0].trim()))) return [];
  const rows = HEADER.test(lines[0]) ? lines.slice(1) : lines;
  const events: SessionEvent[] = [];
  for (const line of rows.slice(-L.events)) {
    const m = ROW.exec(line.trim());
    if (!m) continue;
    events.push({
      type: boundText(m[1], L.field),
      reason: boundText(m[2], L.field),
      message: boundText(m[3], L.eventMessage),
      firstTime: time(m[4]),
      lastTime: time(m[5]),
    });
  }
  return events;
}

function time(value: string): string | null {
  return /^<(none|nil)>$/i.test(value) ? null : boundText(value, L.field);
}
