// Pure: a raw log line as the log pane shows it. SGR colour sequences (ESC [ … m) become styles that
// are drawn with blessed tags; every other control is shown as a visible escape (terminal-text.ts),
// so no byte from the log ever reaches the terminal as a sequence.

import { terminalText } from '../../src/domain/terminal-text.js';
import type { Colour } from './paint.js';

/** The SGR attributes the pane draws (the 8 colours and their bright forms share a name). */
export interface SgrStyle {
  fg: Colour | null;
  bg: Colour | null;
  bold: boolean;
  underline: boolean;
  inverse: boolean;
}

/** A stretch of the line's text (UTF-16 offsets, end exclusive) drawn in one style. */
export interface StyledRun {
  start: number;
  end: number;
  style: SgrStyle;
}

/** A log line as shown: its visible text and the styles over it. */
export interface LogLineText {
  text: string;
  runs: StyledRun[];
}

const PLAIN: SgrStyle = { fg: null, bg: null, bold: false, underline: false, inverse: false };
// ANSI colour numbers 0–7; black is drawn as gray (the pane's background is usually black).
const COLOURS: readonly Colour[] = ['gray', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const SGR = /\u001b\[([0-9;:]*)m/g;
const TAB = '    ';

/** Pure: the style after applying one SGR parameter list to `style`. */
export function applySgr(style: SgrStyle, params: string): SgrStyle {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  let next = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) next = { ...PLAIN };
    else if (code === 1) next.bold = true;
    else if (code === 22) next.bold = false;
    else if (code === 4) next.underline = true;
    else if (code === 24) next.underline = false;
    else if (code === 7) next.inverse = true;
    else if (code === 27) next.inverse = false;
    else if (code >= 30 && code <= 37) next.fg = COLOURS[code - 30];
    else if (code >= 90 && code <= 97) next.fg = COLOURS[code - 90];
    else if (code === 39) next.fg = null;
    else if (code >= 40 && code <= 47) next.bg = COLOURS[code - 40];
    else if (code >= 100 && code <= 107) next.bg = COLOURS[code - 100];
    else if (code === 49) next.bg = null;
    // 256-colour and true-colour forms are skipped with their arguments (the pane keeps 8 colours).
    else if ((code === 38 || code === 48 || code === 58) && codes[i + 1] === 5) i += 2;
    else if ((code === 38 || code === 48 || code === 58) && codes[i + 1] === 2) i += 4;
  }
  return next;
}

const sameStyle = (a: SgrStyle, b: SgrStyle) => a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.underline === b.underline && a.inverse === b.inverse;

/** Pure: the visible text and styles of a raw log line (tabs as four spaces, SGR as styles, a CRLF's CR dropped, other controls as visible escapes). */
export function logLineText(raw: string): LogLineText {
  let text = '';
  const runs: StyledRun[] = [];
  let style = PLAIN;
  const add = (piece: string) => {
    if (piece === '') return;
    const shown = terminalText(piece.replace(/\t/g, TAB)).replace(/\n/g, '\\x0a');
    const last = runs[runs.length - 1];
    if (last && last.end === text.length && sameStyle(last.style, style)) last.end += shown.length;
    else runs.push({ start: text.length, end: text.length + shown.length, style });
    text += shown;
  };
  // The line was split at "\n": a CR left at its end was half of a CRLF line ending, not a control.
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  let at = 0;
  SGR.lastIndex = 0;
  for (let m = SGR.exec(line); m; m = SGR.exec(line)) {
    add(line.slice(at, m.index));
    style = applySgr(style, m[1]);
    at = m.index + m[0].length;
  }
  add(line.slice(at));
  return { text, runs };
}
