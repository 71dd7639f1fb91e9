import { describe, expect, it } from 'vitest';
import { applySgr, logLineText } from '../../../tui/render/log-line.js';

const PLAIN = { fg: null, bg: null, bold: false, underline: false, inverse: false };

describe('log line text', () => {
  it('turns SGR sequences into styled runs over the visible text', () => {
    const line = logLineText('a\u001b[31mb\u001b[1mc\u001b[0md');
    expect(line.text).toBe('abcd');
    expect(line.runs).toEqual([
      { start: 0, end: 1, style: PLAIN },
      { start: 1, end: 2, style: { ...PLAIN, fg: 'red' } },
      { start: 2, end: 3, style: { ...PLAIN, fg: 'red', bold: true } },
      { start: 3, end: 4, style: PLAIN },
    ]);
  });

  it('shows every non-SGR control as a visible escape, tabs as four spaces', () => {
    const line = logLineText('\u001b[2J\u001b]0;t\u0007\u009b31m\u007f\t|\u001b[?25l\n');
    expect(line.text).toBe('\\x1b[2J\\x1b]0;t\\x07\\x9b31m\\x7f    |\\x1b[?25l\\x0a');
    expect(line.runs).toEqual([{ start: 0, end: line.text.length, style: PLAIN }]);
  });

  it('reads the SGR codes the pane can draw and skips 256-colour and true-colour arguments', () => {
    expect(applySgr(PLAIN, '')).toEqual(PLAIN);
    expect(applySgr(PLAIN, '1;4;7;92;44')).toEqual({ fg: 'green', bg: 'blue', bold: true, underline: true, inverse: true });
    expect(applySgr({ fg: 'red', bg: 'blue', bold: true, underline: true, inverse: true }, '22;24;27;39;49')).toEqual(PLAIN);
    expect(applySgr(PLAIN, '38;5;196;1')).toEqual({ ...PLAIN, bold: true });
    expect(applySgr(PLAIN, '38;2;255;0;0;33')).toEqual({ ...PLAIN, fg: 'yellow' });
    expect(applySgr(PLAIN, '30')).toEqual({ ...PLAIN, fg: 'gray' });
  });

  it('drops the CR of a CRLF line ending; a CR inside the line is shown', () => {
    expect(logLineText('progress 10%\rprogress 20%\r').text).toBe('progress 10%\\x0dprogress 20%');
  });

  it('a line of only colour changes has no visible text', () => {
    expect(logLineText('\u001b[31m\u001b[0m')).toEqual({ text: '', runs: [] });
  });
});
