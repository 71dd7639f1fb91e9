import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../../tui/render/wrap-words.js';

describe('wrapWords', () => {
  it('breaks at spaces, never inside a word that fits a line', () => {
    expect(wrapWords('the quick brown fox jumps over the lazy dog', 15)).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
  });

  it('splits only a word longer than a line, and keeps newlines', () => {
    expect(wrapWords('see https://example.org/a/very/long/path now', 12)).toEqual(['see', 'https://exam', 'ple.org/a/ve', 'ry/long/path', 'now']);
    expect(wrapWords('one\ntwo three', 20)).toEqual(['one', 'two three']);
  });

  it('marks continued lines with a suffix and indents the following ones (a shell command stays runnable)', () => {
    const lines = wrapWords('skaha-tui launch headless skaha/terminal:1.1.1 --name fit -- python3 run.py --fast', 30, { suffix: ' \\', indent: '    ' });
    expect(lines).toEqual(['skaha-tui launch headless \\', '    skaha/terminal:1.1.1 \\', '    --name fit -- python3 \\', '    run.py --fast']);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(30);
    expect(lines.map((l) => l.replace(/ \\$/, '').trim()).join(' ')).toBe('skaha-tui launch headless skaha/terminal:1.1.1 --name fit -- python3 run.py --fast');
  });

  it('keeps an empty text as one empty line', () => {
    expect(wrapWords('', 10)).toEqual(['']);
  });
});
