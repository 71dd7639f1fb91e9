import { describe, expect, it } from 'vitest';
import { diffLog, logRefreshInterval, startLog } from '../../src/logs/log-diff.js';
import { LineBuffer } from '../../src/logs/line-buffer.js';

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i}`);
const text = (from: number, to: number) =>
  lines(from, to)
    .map((l) => l + '\n')
    .join('');

describe('diffLog', () => {
  it('starts with every complete line and holds back a partial last line', () => {
    const change = diffLog(null, 'a\nb\npart');
    expect(change).toMatchObject({ kind: 'reset', lines: ['a', 'b'] });
    const next = diffLog(change.cursor, 'a\nb\npartial done\nc\n');
    expect(next).toMatchObject({ kind: 'append', lines: ['partial done', 'c'] });
  });

  it('sends only the new lines when the log grew', () => {
    const first = startLog(text(0, 100));
    const grown = diffLog(first.cursor, text(0, 103));
    expect(grown).toEqual(expect.objectContaining({ kind: 'append', lines: lines(100, 103) }));
    expect(diffLog(grown.cursor, text(0, 103))).toMatchObject({ kind: 'append', lines: [] });
  });

  it('resets when the log no longer starts with what was seen (a restarted container)', () => {
    const first = startLog(text(0, 50));
    expect(diffLog(first.cursor, 'fresh start\n')).toMatchObject({ kind: 'reset', lines: ['fresh start'] });
  });

  it('resets when the log shrank or its middle changed', () => {
    const first = startLog(text(0, 50));
    expect(diffLog(first.cursor, text(0, 10)).kind).toBe('reset');
    const changed = text(0, 49).replace('line 48', 'LINE 48') + 'line 49\nline 50\n';
    expect(diffLog(first.cursor, changed).kind).toBe('reset');
  });

  it('follows a log whose head the client cut (truncated snapshots) by its anchor', () => {
    const first = startLog(text(0, 1000));
    const change = diffLog(first.cursor, text(600, 1010), true);
    expect(change).toMatchObject({ kind: 'append', lines: lines(1000, 1010) });
    expect(diffLog(change.cursor, text(700, 1012), true)).toMatchObject({ kind: 'append', lines: lines(1010, 1012) });
  });

  it('treats an empty log as no lines', () => {
    expect(startLog('')).toMatchObject({ kind: 'reset', lines: [] });
  });
});

describe('logRefreshInterval', () => {
  it('keeps the base interval for small logs and stretches it up to 5x for large ones', () => {
    expect(logRefreshInterval(2_000, 10_000)).toBe(2_000);
    expect(logRefreshInterval(2_000, 5 * 1024 * 1024)).toBe(6_000);
    expect(logRefreshInterval(2_000, 100 * 1024 * 1024)).toBe(10_000);
  });
});

describe('LineBuffer', () => {
  it('keeps only the last N lines, oldest first', () => {
    const buffer = new LineBuffer(3);
    buffer.push(['a', 'b']);
    buffer.push(['c', 'd']);
    expect(buffer.lines()).toEqual(['b', 'c', 'd']);
    buffer.push(lines(0, 10));
    expect(buffer.lines()).toEqual(lines(7, 10));
    buffer.clear();
    expect(buffer.lines()).toEqual([]);
  });
});
