import { detachString } from './detach.js';

/** What the follower remembers of the log it has seen, without keeping the whole text. */
export interface LogCursor {
  /** The first characters of the log as first seen (detects a restarted container). */
  head: string;
  /** The last complete-line characters seen, used as an anchor in the next snapshot. */
  anchor: string;
  /** Where the seen (complete-line) text ended in the last snapshot. */
  offset: number;
}

/** The change between the seen log and a new snapshot. */
export type LogChange = { kind: 'append'; lines: string[]; cursor: LogCursor } | { kind: 'reset'; lines: string[]; cursor: LogCursor };

const HEAD_CHARS = 512;
const ANCHOR_CHARS = 1024;

/** Splits a snapshot into complete lines, returning where the complete part ends (a partial last line waits). */
function completeLines(text: string, from: number): { lines: string[]; end: number } {
  const end = text.lastIndexOf('\n') + 1;
  if (end <= from) return { lines: [], end: Math.max(from, 0) };
  const body = text.slice(from, end - 1);
  return { lines: body.split('\n'), end };
}

/** A cursor for a snapshot whose complete lines end at `end`. */
function cursorAt(text: string, end: number, head: string): LogCursor {
  return { head, anchor: detachString(text.slice(Math.max(0, end - ANCHOR_CHARS), end)), offset: end };
}

/** The whole snapshot as a fresh start. */
export function startLog(text: string): LogChange {
  const { lines, end } = completeLines(text, 0);
  return { kind: 'reset', lines, cursor: cursorAt(text, end, detachString(text.slice(0, HEAD_CHARS))) };
}

/**
 * Compares a new full snapshot with what was seen: only new complete lines when the log grew,
 * a reset when it no longer continues what was seen. `truncated` snapshots (head cut by the
 * client's size cap) are aligned on the anchor instead of the offset.
 */
export function diffLog(cursor: LogCursor | null, text: string, truncated = false): LogChange {
  if (!cursor) return startLog(text);
  let from = -1;
  if (!truncated && text.startsWith(cursor.head) && text.length >= cursor.offset && text.startsWith(cursor.anchor, cursor.offset - cursor.anchor.length)) {
    from = cursor.offset;
  } else if (truncated && cursor.anchor) {
    const at = text.lastIndexOf(cursor.anchor);
    if (at >= 0) from = at + cursor.anchor.length;
  }
  if (from < 0) return startLog(text);
  const { lines, end } = completeLines(text, from);
  return { kind: 'append', lines, cursor: lines.length ? cursorAt(text, end, cursor.head) : { ...cursor, offset: from } };
}

/** How often to refetch a log: the base interval, stretched for large logs so a 10 MB log is not pulled every 2 s. */
export function logRefreshInterval(baseMs: number, logBytes: number): number {
  const mib = logBytes / (1024 * 1024);
  if (mib < 1) return baseMs;
  return Math.round(baseMs * Math.min(5, 1 + mib / 2.5));
}
