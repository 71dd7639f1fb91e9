import type { Session } from '../../domain/session.js';
import { runEach, uniqueIds } from '../bulk.js';
import type { CommandHandler } from '../command-context.js';
import { cacheDaemon, oneSession } from '../daemon-cache.js';
import { sessionJson } from '../json-output.js';
import { sessionDetail } from '../views/session-views.js';

/** `info ID...`: details of each session, from the daemon's cache when it has them, else fetched concurrently; exit 1 if any id failed. */
export const infoCommand: CommandHandler = async (ctx) => {
  const { args, io, out } = ctx;
  const conn = await cacheDaemon(ctx);
  const ids = uniqueIds(args.positionals);
  const limit = ids.every((id) => conn?.state?.sessions[id]) ? 1 : await ctx.concurrency();
  const results = await runEach(ids, limit, (id) => oneSession(ctx, conn, id));
  const found: Session[] = [];
  for (const result of results) {
    if (result.ok) found.push(result.value);
    else out.error(result.error, result.id);
  }
  if (out.json) out.printJson(found.map(sessionJson));
  else out.printStyled(found.map((s) => sessionDetail(s, io.now(), out.style)).join('\n'));
  return found.length === results.length ? 0 : 1;
};
