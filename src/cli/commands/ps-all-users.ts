import type { ListOptions } from '../../ports/skaha-api.js';
import type { CommandContext } from '../command-context.js';
import { publicSessionJson } from '../json-output.js';
import { flagOption, stringOption, UsageError } from '../parse-args.js';
import { DIAGNOSTICS, MESSAGES, USAGE_ERRORS } from '../text.js';
import { publicSessionTable, sortPublicSessions } from '../views/session-views.js';
import { PUBLIC_SESSION_COLUMNS } from '../../export/record-columns.js';

/** `ps --all-users`: every user's sessions (`view=all`), asked from Skaha directly (the daemon caches only yours). */
export async function psAllUsers(ctx: CommandContext): Promise<number> {
  const { args, io, out } = ctx;
  if (flagOption(args, 'quiet')) throw new UsageError(USAGE_ERRORS.quietAllUsers, 'ps');
  const kind = stringOption(args, 'kind');
  const status = stringOption(args, 'status');
  const all = flagOption(args, 'all');
  const filters: Omit<ListOptions, 'view'> = {};
  if (kind) filters.kind = kind;
  if (status) filters.status = status;
  ctx.log.info(DIAGNOSTICS.direct, { request: 'view=all' });
  const listed = await (await ctx.api()).listAllSessions(filters);
  const shown = sortPublicSessions(all || status ? listed : listed.filter((s) => s.status === 'Pending' || s.status === 'Running'));
  if (out.format) out.printData(shown.map(publicSessionJson), PUBLIC_SESSION_COLUMNS);
  else if (shown.length === 0) out.print(`${all || status || kind ? MESSAGES.noSessions : MESSAGES.noActiveSessions}\n`);
  else out.printStyled(publicSessionTable(shown, io.now(), out.style));
  return 0;
}
