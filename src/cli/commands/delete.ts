import type { SkahaApi } from '../../ports/skaha-api.js';
import { runEach, uniqueIds } from '../bulk.js';
import type { CommandContext, CommandHandler } from '../command-context.js';
import { flagOption, UsageError } from '../parse-args.js';
import { renderTable } from '../table.js';
import { LABELS, MESSAGES, USAGE_ERRORS } from '../text.js';

/** `delete ID...`: asks first on a terminal (listing what will go) unless --force; refuses without a terminal. */
export const deleteCommand: CommandHandler = async (ctx) => {
  const { args, out, io, api, concurrency } = ctx;
  const ids = uniqueIds(args.positionals);
  const force = flagOption(args, 'force');
  if (!force && !io.stdinIsTTY) throw new UsageError(USAGE_ERRORS.forceWithoutTerminal, 'delete');
  const client = await api();
  if (!force && !(await confirm(ctx, client, ids))) {
    out.note(MESSAGES.aborted);
    return 1;
  }
  const results = await runEach(ids, await concurrency(), (id) => client.deleteSession(id));
  for (const result of results) {
    if (result.ok) out.print(`${MESSAGES.deleted(result.id)}\n`);
    else out.error(result.error, result.id);
  }
  return results.every((r) => r.ok) ? 0 : 1;
};

/** Lists the sessions about to go (on stderr) and asks y/N; only "y" or "yes" proceeds. */
async function confirm({ io, out }: CommandContext, client: SkahaApi, ids: readonly string[]): Promise<boolean> {
  const sessions = new Map((await client.listSessions()).map((s) => [s.id, s]));
  const rows = ids.map((id) => {
    const s = sessions.get(id);
    return s ? [id, s.name, s.kind, out.errStyle.status(s.status)] : [id, '-', '-', MESSAGES.unknownSession];
  });
  out.note(MESSAGES.confirmList(ids.length));
  io.stderr.write(renderTable(LABELS.confirmColumns, rows, { header: out.errStyle.bold }));
  const answer = await io.prompt(MESSAGES.confirmQuestion(ids.length));
  return /^y(es)?$/i.test(answer.trim());
}
