// Pure: the dialog offering to restart the daemon with the dashboard's own connection.

import { RESTART } from '../text.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { truncate } from './cells.js';
import type { RenderContext } from './context.js';
import type { OtherConnection } from './other-connection.js';
import { escapeTags } from './paint.js';

/** Pure: the dialog lines: what the daemon uses, what this dashboard uses, what a restart does, and the keys. */
export function restartLines(other: OtherConnection | null, width: number, ctx: RenderContext): string[] {
  const { paint } = ctx;
  const line = (text: string) => escapeTags(truncate(terminalLine(text), width, ctx.glyphs.ellipsis));
  const lines = [paint.bold(paint.fg('yellow', escapeTags(RESTART.title))), ''];
  if (other) lines.push(line(RESTART.daemonUses(other.daemon)), line(RESTART.dashboardUses(other.mine)), '');
  lines.push(line(RESTART.effect), '', RESTART.command, '  ' + paint.fg('cyan', RESTART.shell), '', paint.bold(RESTART.keys));
  return lines;
}
