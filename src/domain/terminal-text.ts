// The one sanitiser for text that reaches a terminal. Server text (names, images, statuses, URLs,
// logs, events, error bodies) may hold escape sequences that write the clipboard (OSC 52), retitle
// the window (OSC 0) or clear the screen (CSI 2J). Every control character is shown instead as a
// visible escape `\xNN` (two lower-case hex digits): ESC is `\x1b`, BEL `\x07`, DEL `\x7f`, the C1
// CSI U+009B `\x9b`. The escape is plain ASCII, so widths measured on the result are right.

// C0 controls, DEL and C1 (U+0080–U+009F); ESC (U+001B) is one of the C0 controls.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// The same without tab and newline, which multi-line text keeps.
const CONTROLS_BUT_TAB_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The visible escape of one control character: `\x1b` for ESC. */
export function visibleEscape(char: string): string {
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** Whether `text` holds a character a terminal would act on: a C0 control other than tab and newline, DEL, or C1. */
export function hasTerminalControl(text: string): boolean {
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);
}

/** Multi-line text for a terminal: tab and newline kept (CRLF read as a newline), every other control a visible escape. */
export function terminalText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROLS_BUT_TAB_NEWLINE, visibleEscape);
}

/** One line for a terminal (a table cell, a field, a title): every control a visible escape, tab and newline too. */
export function terminalLine(text: string): string {
  return text.replace(CONTROLS, visibleEscape);
}

/**
 * Multi-line text for a terminal that keeps the sequences `own` matches (the caller's own styling,
 * e.g. the SGR colours the CLI adds) and shows every other control as a visible escape.
 */
export function terminalTextKeeping(text: string, own: RegExp): string {
  const keep = new RegExp(own.source, own.flags.includes('g') ? own.flags : `${own.flags}g`);
  let out = '';
  let last = 0;
  for (let m = keep.exec(text); m; m = keep.exec(text)) {
    if (m[0] === '') {
      keep.lastIndex++;
      continue;
    }
    out += terminalText(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + terminalText(text.slice(last));
}
