import type { ListOptions } from '../../ports/skaha-api.js';
import { answersFor } from '../answered-sessions.js';
import type { CommandHandler } from '../command-context.js';
import { cacheDaemon, filterSessions } from '../daemon-cache.js';
import { sessionJson } from '../json-output.js';
import { flagOption, stringOption } from '../parse-args.js';
import { MESSAGES } from '../text.js';
import { selectSessions, sessionIds, sessionTable } from '../views/session-views.js';
import { SESSION_COLUMNS } from '../../export/record-columns.js';

/**
 * `ps`: the caller's sessions (from the daemon's cache when one runs), Pending and Running only unless
 * --all (or --status) asks for more, with why each Pending session waits and why a failed one failed.
 */
export const psCommand: CommandHandler = async (ctx) => {
  const { args, io, out } = ctx;
  if (flagOption(args, 'all-users')) return (await import('./ps-all-users.js')).psAllUsers(ctx);
  const kind = stringOption(args, 'kind');
  const status = stringOption(args, 'status');
  const all = flagOption(args, 'all');
  const filters: ListOptions = {};
  if (kind) filters.kind = kind;
  if (status) filters.status = status;
  const conn = await cacheDaemon(ctx);
  const sessions = conn?.state ? filterSessions(Object.values(conn.state.sessions), filters) : await (await ctx.api()).listSessions(filters);
  const shown = selectSessions(sessions, { all, status });
  if (out.format) {
    const answers = await answersFor(ctx, shown, conn);
    out.printData(
      shown.map((s) => sessionJson(s, answers.get(s.id))),
      SESSION_COLUMNS,
    );
  } else if (flagOption(args, 'quiet')) {
    out.print(sessionIds(shown));
  } else if (shown.length === 0) {
    const filtered = all || status || kind;
    out.print(`${filtered ? MESSAGES.noSessions : MESSAGES.noActiveSessions}\n`);
    if (!all && !status) out.printStyled(`${out.style.dim(MESSAGES.useAll)}\n`);
  } else {
    out.printStyled(sessionTable(shown, io.now(), out.style, await answersFor(ctx, shown, conn)));
  }
  return 0;
};
