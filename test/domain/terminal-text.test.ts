import { describe, expect, it } from 'vitest';
import { hasTerminalControl, terminalLine, terminalText, terminalTextKeeping, visibleEscape } from '../../src/domain/terminal-text.js';

// Every character a terminal may act on: C0 (ESC included), DEL and C1.
const ALL_CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)].map((c) =>
  String.fromCharCode(c),
);
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('terminal text', () => {
  it('writes a control as \\x and two lower-case hex digits', () => {
    expect(visibleEscape('\u001b')).toBe('\\x1b');
    expect(visibleEscape('\u0007')).toBe('\\x07');
    expect(visibleEscape('\u007f')).toBe('\\x7f');
    expect(visibleEscape('\u009b')).toBe('\\x9b');
  });

  it('shows OSC 52, OSC 0, CSI 2J, C1 CSI, SGR, BEL and DEL as visible escapes', () => {
    const hostile = 'a\u001b]52;c;aGVsbG8=\u0007b\u001b]0;owned\u001b\\c\u001b[2Jd\u009b31me\u001b[1;31mf\u007fg';
    const shown = terminalText(hostile);
    expect(shown).toBe('a\\x1b]52;c;aGVsbG8=\\x07b\\x1b]0;owned\\x1b\\c\\x1b[2Jd\\x9b31me\\x1b[1;31mf\\x7fg');
    expect(hasTerminalControl(shown)).toBe(false);
    expect(terminalLine(hostile)).toBe(shown);
  });

  it('leaves no control in any position, for every control character', () => {
    for (const c of ALL_CONTROLS) {
      expect(RAW.test(terminalText(`x${c}y${c}`)), `U+${c.charCodeAt(0).toString(16)}`).toBe(false);
      expect(/[\u0000-\u001f\u007f-\u009f]/.test(terminalLine(`x${c}y${c}`)), `U+${c.charCodeAt(0).toString(16)}`).toBe(false);
    }
  });

  it('multi-line text keeps tab and newline and reads CRLF as a newline; a bare CR is escaped', () => {
    expect(terminalText('one\ttab\r\ntwo\rthree\n')).toBe('one\ttab\ntwo\\x0dthree\n');
  });

  it('one line escapes tab, newline and CR too, so a value cannot add rows to a table', () => {
    expect(terminalLine('name\nabcd1234  fake  Running\t\r')).toBe('name\\x0aabcd1234  fake  Running\\x09\\x0d');
  });

  it('leaves printable text alone (Unicode included) and is idempotent', () => {
    const text = 'Ünïcødé ✓ 名前 C:\\path {red-fg} 100%';
    expect(terminalText(text)).toBe(text);
    expect(terminalLine(text)).toBe(text);
    const once = terminalLine('\u001b[31m\u009b');
    expect(terminalLine(once)).toBe(once);
  });

  it('sanitises ids like any other text (strange ids never reach the terminal raw)', () => {
    expect(terminalLine('abcd\u001b[8m1234')).toBe('abcd\\x1b[8m1234');
    expect(terminalLine('\u009b6n')).toBe('\\x9b6n');
  });

  it("keeping the caller's own sequences: those stay raw, everything else is escaped", () => {
    const own = /\u001b\[(?:31|39)m/;
    const text = `\u001b[31mred\u001b[39m \u001b[32mgreen\u001b[39m\u001b]0;t\u0007 \u009b1m`;
    expect(terminalTextKeeping(text, own)).toBe('\u001b[31mred\u001b[39m \\x1b[32mgreen\u001b[39m\\x1b]0;t\\x07 \\x9b1m');
    expect(terminalTextKeeping('plain\r\n', own)).toBe('plain\n');
  });
});
