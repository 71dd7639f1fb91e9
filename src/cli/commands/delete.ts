import { noSessionError } from '../../domain/no-session.js';
import { uniqueIds } from '../bulk.js';
import type { CommandHandler } from '../command-context.js';
import { confirmDeletion } from '../confirm.js';
import { lookUpSessions } from '../known-sessions.js';
import { flagOption, UsageError } from '../parse-args.js';
import { actOnSessions } from '../session-actions.js';
import { dryRunActions } from '../dry-run.js';
import { MESSAGES, USAGE_ERRORS } from '../text.js';

/**
 * `delete ID...`: asks first on a terminal (listing what will go) unless --force; refuses without a
 * terminal; through the daemon when it runs. Ids are looked up first (Skaha answers 200 to a delete of
 * any id): one that is not the user's says "no session", is not sent, and makes the exit 1. --dry-run
 * only shows the DELETEs it would send.
 */
export const deleteCommand: CommandHandler = async (ctx) => {
  const { args, out, io } = ctx;
  const ids = uniqueIds(args.positionals);
  const force = flagOption(args, 'force');
  const dryRun = flagOption(args, 'dry-run');
  if (!force && !dryRun && !io.stdinIsTTY) throw new UsageError(USAGE_ERRORS.forceWithoutTerminal, 'delete');
  const { found, unknown } = await lookUpSessions(ctx, ids);
  for (const id of unknown) out.error(noSessionError(id));
  const targets = ids.filter((id) => found.has(id));
  if (dryRun) return unknown.length > 0 ? 1 : dryRunActions(ctx, 'delete', targets);
  if (targets.length === 0) return 1;
  if (!force && !(await confirmDeletion(ctx, targets, found))) {
    out.note(MESSAGES.aborted);
    return 1;
  }
  const results = await actOnSessions(ctx, 'delete', targets);
  for (const result of results) {
    if (result.ok) out.print(`${MESSAGES.deleted(result.id)}\n`);
    else out.error(result.error, result.id);
  }
  return unknown.length === 0 && results.every((r) => r.ok) ? 0 : 1;
};
