import { uniqueIds } from '../bulk.js';
import type { CommandHandler } from '../command-context.js';
import { confirmDeletion } from '../confirm.js';
import { mySessions } from '../daemon-cache.js';
import { flagOption, UsageError } from '../parse-args.js';
import { actOnSessions } from '../session-actions.js';
import { MESSAGES, USAGE_ERRORS } from '../text.js';

/** `delete ID...`: asks first on a terminal (listing what will go) unless --force; refuses without a terminal; through the daemon when it runs. */
export const deleteCommand: CommandHandler = async (ctx) => {
  const { args, out, io } = ctx;
  const ids = uniqueIds(args.positionals);
  const force = flagOption(args, 'force');
  if (!force && !io.stdinIsTTY) throw new UsageError(USAGE_ERRORS.forceWithoutTerminal, 'delete');
  if (!force) {
    const known = new Map((await mySessions(ctx)).map((s) => [s.id, s]));
    if (!(await confirmDeletion(ctx, ids, known))) {
      out.note(MESSAGES.aborted);
      return 1;
    }
  }
  const results = await actOnSessions(ctx, 'delete', ids);
  for (const result of results) {
    if (result.ok) out.print(`${MESSAGES.deleted(result.id)}\n`);
    else out.error(result.error, result.id);
  }
  return results.every((r) => r.ok) ? 0 : 1;
};
