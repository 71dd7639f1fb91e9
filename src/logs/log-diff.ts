import { LogBytes } from '../domain/log-bytes.js';

/** What the follower remembers of the log it has seen, without keeping the whole text (all in UTF-8 bytes). */
export interface LogCursor {
  /** The first bytes of the log as first seen (detects a restarted container). */
  head: Buffer;
  /** The last complete-line bytes seen, used as an anchor in the next snapshot. */
  anchor: Buffer;
  /** Where the seen (complete-line) bytes ended in the last snapshot. */
  offset: number;
}

/** The change between the seen log and a new snapshot. */
export type LogChange = { kind: 'append'; lines: string[]; cursor: LogCursor } | { kind: 'reset'; lines: string[]; cursor: LogCursor };

const HEAD_BYTES = 512;
const ANCHOR_BYTES = 1024;
const NEWLINE = 0x0a;

/** Splits a snapshot into complete lines from byte `from`, returning where the complete part ends (a partial last line waits). */
function completeLines(log: LogBytes, from: number): { lines: string[]; end: number } {
  const end = log.lastIndexOfByte(NEWLINE) + 1;
  if (end <= from) return { lines: [], end: Math.max(from, 0) };
  // Lines end at a newline byte, which UTF-8 never uses inside a character: decoding only this part gives the same lines.
  return { lines: log.text(from, end - 1).split('\n'), end };
}

/** A cursor for a snapshot whose complete lines end at `end`. */
function cursorAt(log: LogBytes, end: number, head: Buffer): LogCursor {
  return { head, anchor: log.slice(Math.max(0, end - ANCHOR_BYTES), end), offset: end };
}

/** The whole snapshot (as bytes) as a fresh start. */
export function startLogBytes(log: LogBytes): LogChange {
  const { lines, end } = completeLines(log, 0);
  return { kind: 'reset', lines, cursor: cursorAt(log, end, log.slice(0, HEAD_BYTES)) };
}

/**
 * Compares a new full snapshot with what was seen: only new complete lines when the log grew,
 * a reset when it no longer continues what was seen. Snapshots truncated by the client's size cap
 * (head cut) are aligned on the anchor instead of the offset. Only the new part is decoded.
 */
export function diffLogBytes(cursor: LogCursor | null, log: LogBytes): LogChange {
  if (!cursor) return startLogBytes(log);
  let from = -1;
  if (!log.truncated && log.matches(cursor.head, 0) && log.length >= cursor.offset && log.matches(cursor.anchor, cursor.offset - cursor.anchor.length)) {
    from = cursor.offset;
  } else if (log.truncated && cursor.anchor.length > 0) {
    const at = log.lastIndexOf(cursor.anchor);
    if (at >= 0) from = at + cursor.anchor.length;
  }
  if (from < 0) return startLogBytes(log);
  const { lines, end } = completeLines(log, from);
  return { kind: 'append', lines, cursor: lines.length ? cursorAt(log, end, cursor.head) : { ...cursor, offset: from } };
}

/** The whole snapshot as a fresh start. */
export function startLog(text: string): LogChange {
  return startLogBytes(LogBytes.fromText(text));
}

/** diffLogBytes for a snapshot given as text. */
export function diffLog(cursor: LogCursor | null, text: string, truncated = false): LogChange {
  return diffLogBytes(cursor, LogBytes.fromText(text, truncated));
}

/** How often to refetch a log: the base interval, stretched for large logs so a 10 MB log is not pulled every 2 s. */
export function logRefreshInterval(baseMs: number, logBytes: number): number {
  const mib = logBytes / (1024 * 1024);
  if (mib < 1) return baseMs;
  return Math.round(baseMs * Math.min(5, 1 + mib / 2.5));
}
