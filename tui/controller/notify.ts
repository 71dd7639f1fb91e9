// Terminal notifications for the daemon's `notification` events, and OSC 52 clipboard writes.

import type { Writable } from 'node:stream';
import type { NotificationRecord } from '../../src/state/state.js';
import { chooseTerminalMethod, terminalNotification, wrapForTmux, type TerminalNotifySetting } from '../notify/terminal-notification.js';

/** Writes the escape sequence for a notification (nothing when the method is off); returns it. */
export function writeTerminalNotification(
  output: Writable,
  env: Readonly<Record<string, string | undefined>>,
  setting: TerminalNotifySetting,
  notification: Pick<NotificationRecord, 'title' | 'body' | 'key'>,
): string {
  const method = chooseTerminalMethod(env, setting);
  const sequence = terminalNotification(method, notification.title, notification.body, { insideTmux: Boolean(env.TMUX), id: notification.key });
  if (sequence) output.write(sequence);
  return sequence;
}

/** The OSC 52 sequence that puts `text` on the system clipboard (wrapped for tmux passthrough). */
export function osc52(text: string, insideTmux: boolean): string {
  const sequence = `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
  return insideTmux ? wrapForTmux(sequence) : sequence;
}
