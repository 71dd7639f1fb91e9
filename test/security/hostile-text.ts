// Text a hostile server puts in names, images, statuses, URLs, logs, events and error bodies, and how
// skaha-tui must show it: every control character as a visible `\xNN` escape.
import { expect } from 'vitest';
import { hasRawControl } from './daemon-process.js';

/** OSC 52: writes "hacked" to the user's clipboard. */
export const OSC52 = '\u001b]52;c;aGFja2Vk\u0007';
/** OSC 0: retitles the terminal window. */
export const OSC0 = '\u001b]0;owned\u0007';
/** CSI 2J: clears the screen. */
export const CLEAR = '\u001b[2J';
/** The C1 CSI (U+009B) starting an SGR red. */
export const C1_CSI = '\u009b31m';
/** A 7-bit SGR bold red. */
export const SGR = '\u001b[1;31m';
/** BEL and DEL. */
export const BEL = '\u0007';
export const DEL = '\u007f';

/** All of them in one string, between ordinary letters (no spaces: it survives whitespace-split parsers). */
export const PAYLOAD = `x${OSC52}${OSC0}${CLEAR}${C1_CSI}${SGR}${BEL}${DEL}y`;

/** How PAYLOAD must appear on a terminal. */
export const VISIBLE = 'x\\x1b]52;c;aGFja2Vk\\x07\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\x1b[1;31m\\x07\\x7fy';

/** Asserts that a command's output holds no raw control and shows each of `visible`. */
export function expectVisibleOnly(result: { stdout: string; stderr: string }, ...visible: string[]): void {
  const all = result.stdout + result.stderr;
  expect(hasRawControl(all), `raw control in output:\n${JSON.stringify(all).slice(0, 2000)}`).toBe(false);
  for (const text of visible) expect(all).toContain(text);
}
