import { describe, expect, it } from 'vitest';
import { LogBytes } from '../../src/domain/log-bytes.js';
import { diffLog, diffLogBytes, startLogBytes, type LogChange } from '../../src/logs/log-diff.js';

/** The text's UTF-8 bytes cut into chunks of `size` bytes (cutting characters in two where they fall). */
function chunked(text: string, size: number, truncated = false): LogBytes {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return LogBytes.of(chunks, truncated);
}

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `línea ${from + i} — ✓ ${'x'.repeat((from + i) % 7)}`);
const text = (from: number, to: number) =>
  lines(from, to)
    .map((l) => `${l}\n`)
    .join('');

describe('LogBytes', () => {
  const source = `${text(0, 400)}partial ✓`;
  const whole = Buffer.from(source, 'utf8');

  it('reads ranges across chunk boundaries, even inside a character, as the joined bytes would', () => {
    for (const size of [1, 3, 7, 64, 4096, whole.length + 1]) {
      const log = chunked(source, size);
      expect(log.length).toBe(whole.length);
      expect(log.text()).toBe(source);
      expect(log.text(100, 2000)).toBe(whole.toString('utf8', 100, 2000));
      expect(log.slice(5, 999).equals(whole.subarray(5, 999))).toBe(true);
      expect(log.slice(whole.length - 3, whole.length + 10).equals(whole.subarray(whole.length - 3))).toBe(true);
      expect(log.matches(whole.subarray(300, 1400), 300)).toBe(true);
      expect(log.matches(whole.subarray(300, 1400), 301)).toBe(false);
      expect(log.matches(whole.subarray(0, 10), whole.length - 5)).toBe(false);
      expect(log.lastIndexOfByte(0x0a)).toBe(whole.lastIndexOf(0x0a));
      const needle = whole.subarray(2000, 2600);
      expect(log.lastIndexOf(needle)).toBe(whole.lastIndexOf(needle));
    }
  });

  it('finds an anchor far from the end (more than its first search window) and says -1 for none', () => {
    const big = `${text(0, 5000)}${'tail line\n'.repeat(20_000)}`;
    const bytes = Buffer.from(big, 'utf8');
    const log = chunked(big, 65_536);
    const anchor = bytes.subarray(10_000, 11_024);
    expect(log.lastIndexOf(anchor)).toBe(10_000);
    expect(log.lastIndexOf(Buffer.from('not in the log'))).toBe(-1);
    expect(LogBytes.of([], false).lastIndexOfByte(0x0a)).toBe(-1);
    expect(LogBytes.of([], false).text()).toBe('');
  });
});

describe('diffLogBytes', () => {
  /** The change diffLog makes of the joined text, with the cursor left out. */
  const view = (change: LogChange) => ({ kind: change.kind, lines: change.lines });

  it('gives the lines diffLog gives for the same text, however the bytes were chunked', () => {
    for (const size of [1, 5, 333, 65_536]) {
      const first = startLogBytes(chunked(text(0, 300), size));
      expect(view(first)).toEqual(view(diffLog(null, text(0, 300))));
      const grown = diffLogBytes(first.cursor, chunked(`${text(0, 305)}half`, size));
      expect(view(grown)).toEqual({ kind: 'append', lines: lines(300, 305) });
      const done = diffLogBytes(grown.cursor, chunked(text(0, 306), size));
      expect(view(done)).toEqual({ kind: 'append', lines: lines(305, 306) });
      // The head cut by the client's cap: aligned on the anchor.
      const cut = diffLogBytes(done.cursor, chunked(`[marker]\n${text(200, 310)}`, size, true));
      expect(view(cut)).toEqual({ kind: 'append', lines: lines(306, 310) });
      expect(diffLogBytes(cut.cursor, chunked('restarted\n', size)).kind).toBe('reset');
    }
  });
});
