// Pure: the dialog offering to restart the daemon with the dashboard's own connection.

import { RESTART } from '../text.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import type { RenderContext } from './context.js';
import type { OtherConnection } from './other-connection.js';
import { escapeTags } from './paint.js';
import { fitOrWrap } from './wrap-words.js';

const RESTART_INDENT = '    ';

/** Pure: the dialog lines: what the daemon uses, what this dashboard uses, what a restart does, and the keys. */
export function restartLines(other: OtherConnection | null, width: number, ctx: RenderContext): string[] {
  const { paint } = ctx;
  // Long connection texts (server URL, credential path) wrap at words inside the dialog, whole.
  const wrap = (text: string, indent = '') => fitOrWrap(terminalLine(text), width, { indent }).map(escapeTags);
  const lines = [...wrap(RESTART.title).map((l) => paint.bold(paint.fg('yellow', l))), ''];
  if (other) lines.push(...wrap(RESTART.daemonUses(other.daemon), RESTART_INDENT), ...wrap(RESTART.dashboardUses(other.mine), RESTART_INDENT), '');
  lines.push(
    ...wrap(RESTART.effect),
    '',
    RESTART.command,
    '  ' + paint.fg('cyan', RESTART.shell),
    '',
    ...fitOrWrap(RESTART.keys, width).map((l) => paint.bold(escapeTags(l))),
  );
  return lines;
}
