import type { Session } from '../domain/session.js';
import type { CommandContext } from './command-context.js';
import { renderTable, styled } from './table.js';
import { LABELS, MESSAGES } from './text.js';

/** Lists the sessions about to go (on stderr) and asks y/N; only "y" or "yes" proceeds. Unknown ids are marked. */
export async function confirmDeletion({ io, out }: CommandContext, ids: readonly string[], known: ReadonlyMap<string, Session>): Promise<boolean> {
  const rows = ids.map((id) => {
    const s = known.get(id);
    return s ? [id, s.name, s.kind, styled(s.status, out.errStyle.status)] : [id, '-', '-', MESSAGES.unknownSession];
  });
  out.note(MESSAGES.confirmList(ids.length));
  out.noteStyled(renderTable(LABELS.confirmColumns, rows, { header: out.errStyle.bold }));
  const answer = await io.prompt(MESSAGES.confirmQuestion(ids.length));
  return /^y(es)?$/i.test(answer.trim());
}
