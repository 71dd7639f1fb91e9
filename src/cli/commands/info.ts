import type { Session } from '../../domain/session.js';
import { runEach, uniqueIds } from '../bulk.js';
import type { CommandHandler } from '../command-context.js';
import { sessionJson } from '../json-output.js';
import { sessionDetail } from '../views/session-views.js';

/** `info ID...`: details of each session, fetched concurrently; exit 1 if any id failed. */
export const infoCommand: CommandHandler = async ({ args, io, out, api, concurrency }) => {
  const client = await api();
  const results = await runEach(uniqueIds(args.positionals), await concurrency(), (id) => client.getSession(id));
  const found: Session[] = [];
  for (const result of results) {
    if (result.ok) found.push(result.value);
    else out.error(result.error, result.id);
  }
  if (out.json) out.printJson(found.map(sessionJson));
  else out.print(found.map((s) => sessionDetail(s, io.now(), out.style)).join('\n'));
  return found.length === results.length ? 0 : 1;
};
