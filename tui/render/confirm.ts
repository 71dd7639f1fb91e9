// Pure: the confirmation dialog for delete and renew, listing exactly what will be affected.

import type { Session } from '../../src/domain/session.js';
import { CONFIRM } from '../text.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { fit, truncate } from './cells.js';
import { escapeTags } from './paint.js';
import { statusColour, type RenderContext } from './context.js';

/** Pure: the dialog lines for deleting or renewing `sessions` (at most `maxRows` listed). */
export function confirmLines(action: 'delete' | 'renew', sessions: readonly Session[], width: number, maxRows: number, ctx: RenderContext): string[] {
  const { paint } = ctx;
  const title = action === 'delete' ? CONFIRM.deleteTitle(sessions.length) : CONFIRM.renewTitle(sessions.length);
  const lines = [paint.bold(action === 'delete' ? paint.fg('red', escapeTags(title)) : escapeTags(title)), '', action === 'delete' ? CONFIRM.willGo : CONFIRM.willRenew];
  const listed = sessions.slice(0, Math.max(1, maxRows));
  for (const s of listed) {
    const colour = statusColour(s.status);
    const status = escapeTags(fit(terminalLine(s.status), 11));
    lines.push(`  ${escapeTags(terminalLine(s.id))}  ${escapeTags(fit(terminalLine(s.name), 20, 'left', ctx.glyphs.ellipsis))} ${escapeTags(fit(terminalLine(s.kind), 9))} ${colour ? paint.fg(colour, status) : status}`);
  }
  if (sessions.length > listed.length) lines.push(`  ${escapeTags(CONFIRM.more(sessions.length - listed.length))}`);
  const command = terminalLine(`skaha-tui ${action} ${sessions.map((s) => s.id).join(' ')}`);
  lines.push('', CONFIRM.command, '  ' + paint.fg('cyan', escapeTags(truncate(command, Math.max(10, width - 2), ctx.glyphs.ellipsis))), '', paint.bold(CONFIRM.keys));
  return lines;
}
