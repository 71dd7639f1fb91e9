// Pure: the confirmation dialog for delete and renew, listing exactly what will be affected.

import type { Session } from '../../src/domain/session.js';
import { CONFIRM } from '../text.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { fit } from './cells.js';
import { escapeTags } from './paint.js';
import { statusColour, type RenderContext } from './context.js';
import { fitOrWrap, wrapWords } from './wrap-words.js';

const COMMAND_LINES = 4;

/** Pure: the dialog lines for deleting or renewing `sessions` (at most `maxRows` listed); `skipped` marked sessions are said to be left out. */
export function confirmLines(
  action: 'delete' | 'renew',
  sessions: readonly Session[],
  width: number,
  maxRows: number,
  ctx: RenderContext,
  skipped = 0,
): string[] {
  const { paint } = ctx;
  const wrap = (text: string) => wrapWords(text, width).map(escapeTags);
  const title = wrap(action === 'delete' ? CONFIRM.deleteTitle(sessions.length) : CONFIRM.renewTitle(sessions.length)).map((l) =>
    paint.bold(action === 'delete' ? paint.fg('red', l) : l),
  );
  const lines = [...title, ''];
  if (skipped > 0) lines.push(...wrap(CONFIRM.skipped(skipped)).map((l) => paint.fg('yellow', l)), '');
  lines.push(action === 'delete' ? CONFIRM.willGo : CONFIRM.willRenew);
  const listed = sessions.slice(0, Math.max(1, maxRows));
  for (const s of listed) {
    const colour = statusColour(s.status);
    const status = escapeTags(fit(terminalLine(s.status), 11));
    lines.push(
      `  ${escapeTags(terminalLine(s.id))}  ${escapeTags(fit(terminalLine(s.name), 20, 'left', ctx.glyphs.ellipsis))} ${escapeTags(fit(terminalLine(s.kind), 9))} ${colour ? paint.fg(colour, status) : status}`,
    );
  }
  if (sessions.length > listed.length) lines.push(`  ${escapeTags(CONFIRM.more(sessions.length - listed.length))}`);
  // The whole command, wrapped between ids with shell continuations, so it can be copied as is.
  let command = wrapWords(terminalLine(`skaha-tui ${action} ${sessions.map((s) => s.id).join(' ')}`), Math.max(10, width - 2), {
    suffix: ' \\',
    indent: '    ',
  });
  // Hundreds of ids would push the keys off the dialog: the start of the command, and how many ids follow.
  if (command.length > COMMAND_LINES) {
    const shown = command.slice(0, COMMAND_LINES - 1);
    // Ids hold no spaces or backslashes: the words shown, less `skaha-tui` and the action, are ids.
    const ids = shown.flatMap((l) => l.trim().split(/\s+/)).filter((w) => w !== '\\').length - 2;
    command = [...shown.map((l, i) => (i === shown.length - 1 ? l.replace(/ \\$/, '') : l)), `    ${CONFIRM.moreIds(sessions.length - ids)}`];
  }
  lines.push(
    '',
    CONFIRM.command,
    ...command.map((l) => '  ' + paint.fg('cyan', escapeTags(l))),
    '',
    ...fitOrWrap(CONFIRM.keys, width).map((l) => paint.bold(escapeTags(l))),
  );
  return lines;
}
