// `usage --since`: a span back from now (7d, 36h, 2w) or a date or time (2026-11-20, 2026-11-20T08:00, with or without a zone).

import { UsageError } from './parse-args.js';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * Pure: the epoch ms `text` names, relative to `now`: "7d" (m, h, d, w), a local date "2026-11-20"
 * (its midnight), or a time "2026-11-20T08:00" (local unless it names a zone). A UsageError says
 * what was wrong and what is accepted.
 */
export function parseSince(text: string, now: number): number {
  const trimmed = text.trim();
  const span = /^(\d+(?:\.\d+)?)\s*([mhdw])$/i.exec(trimmed);
  let at: number;
  if (span) {
    at = now - Number(span[1]) * UNIT_MS[span[2].toLowerCase()];
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const [y, m, d] = trimmed.split('-').map(Number);
    at = new Date(y, m - 1, d).getTime();
    if (new Date(at).getDate() !== d) at = NaN;
  } else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(trimmed)) {
    at = Date.parse(trimmed.replace(' ', 'T'));
  } else {
    at = NaN;
  }
  if (!Number.isFinite(at))
    throw new UsageError(`--since ${JSON.stringify(text)} is not a span or a date: use e.g. 7d, 36h, 2w, 2026-11-20 or 2026-11-20T08:00`, 'usage');
  if (at >= now) throw new UsageError(`--since ${text} is not in the past: give a span back from now (7d) or an earlier date`, 'usage');
  return at;
}
