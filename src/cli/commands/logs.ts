import type { CommandHandler } from '../command-context.js';
import { eventJson } from '../json-output.js';
import { flagOption } from '../parse-args.js';
import { MESSAGES } from '../text.js';
import { eventsView } from '../views/platform-views.js';

/** `logs ID [--follow]`: the session's log snapshot as plain text on stdout; with --follow, new lines as they come. */
export const logsCommand: CommandHandler = async (ctx) => {
  const { args, out, api } = ctx;
  const id = args.positionals[0];
  if (flagOption(args, 'follow')) return (await import('./logs-follow.js')).followLogs(ctx, id);
  const logs = await (await api()).getLogs(id);
  if (logs.truncated) out.note(MESSAGES.logsTruncated);
  if (logs.text === '') out.note(MESSAGES.emptyLogs(id));
  else out.print(logs.text.endsWith('\n') ? logs.text : `${logs.text}\n`);
  return 0;
};

/** `events ID`: the session's Kubernetes events as a table, or an array with --json. */
export const eventsCommand: CommandHandler = async ({ args, out, api }) => {
  const id = args.positionals[0];
  const events = await (await api()).getEvents(id);
  if (out.json) out.printJson(events.map(eventJson));
  else if (events.length === 0) out.print(`${MESSAGES.noEvents(id)}\n`);
  else out.printStyled(eventsView(events, out.style));
  return 0;
};
