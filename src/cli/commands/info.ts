import { noSessionError } from '../../domain/no-session.js';
import { answersFor } from '../answered-sessions.js';
import { uniqueIds } from '../bulk.js';
import type { CommandHandler } from '../command-context.js';
import { sessionJson } from '../json-output.js';
import { lookUpSessions } from '../known-sessions.js';
import { sessionDetail } from '../views/session-views.js';
import { SESSION_COLUMNS } from '../../export/record-columns.js';

/**
 * `info ID...`: details of each session with its answers (why it waits, why it failed, the last renew),
 * looked up in the daemon's cache or one listing; an id that is not one of the user's sessions says
 * "no session" and makes the exit 1.
 */
export const infoCommand: CommandHandler = async (ctx) => {
  const { args, io, out } = ctx;
  const ids = uniqueIds(args.positionals);
  const { found, unknown, conn } = await lookUpSessions(ctx, ids);
  for (const id of unknown) out.error(noSessionError(id));
  const sessions = ids.filter((id) => found.has(id)).map((id) => found.get(id)!);
  const answers = await answersFor(ctx, sessions, conn);
  if (out.format)
    out.printData(
      sessions.map((s) => sessionJson(s, answers.get(s.id))),
      SESSION_COLUMNS,
    );
  else out.printStyled(sessions.map((s) => sessionDetail(s, io.now(), out.style, answers.get(s.id))).join('\n'));
  return unknown.length === 0 ? 0 : 1;
};
