import { isAppError } from '../../domain/errors.js';
import { noSessionError } from '../../domain/no-session.js';
import type { KeptLog } from '../../protocol/kept-log.js';
import type { CommandContext, CommandHandler } from '../command-context.js';
import { formatTimestamp } from '../format.js';
import { eventJson } from '../json-output.js';
import { lookUpSessions } from '../known-sessions.js';
import { flagOption } from '../parse-args.js';
import { MESSAGES } from '../text.js';
import { eventsView } from '../views/platform-views.js';
import { EVENT_COLUMNS } from '../../export/record-columns.js';

/** The last copy of a session's log the daemon kept, when a daemon runs and kept one. */
async function keptLog(ctx: CommandContext, id: string): Promise<KeptLog | null> {
  const conn = await ctx.daemon();
  return conn ? conn.request('logs.kept', { sessionId: id }).catch(() => null) : null;
}

function printKept(ctx: CommandContext, kept: KeptLog): number {
  ctx.out.note(MESSAGES.keptLog(kept.sessionId, formatTimestamp(new Date(kept.takenAt).toISOString()), kept.goneAt !== null));
  if (kept.truncated) ctx.out.note(MESSAGES.keptTruncated);
  ctx.out.print(kept.text.endsWith('\n') ? kept.text : `${kept.text}\n`);
  return 0;
}

/**
 * `logs ID [--follow]`: the session's log snapshot on stdout; with --follow, new lines as they come.
 * When Skaha no longer has it (the session left the listing, or its pod is gone) the daemon's last copy
 * is printed with a note saying so; an id that is none of the user's sessions says "no session".
 */
export const logsCommand: CommandHandler = async (ctx) => {
  const { args, out, api } = ctx;
  const id = args.positionals[0];
  // Following checks the id on its own path (through the daemon it starts, or one listing).
  if (flagOption(args, 'follow')) return (await import('./logs-follow.js')).followLogs(ctx, id);
  const { found, unknown } = await lookUpSessions(ctx, [id]);
  if (unknown.length > 0) {
    const kept = await keptLog(ctx, id);
    if (kept) return printKept(ctx, kept);
    throw noSessionError(id);
  }
  const logs = await (await api()).getLogs(id);
  if (logs.text === '') {
    const kept = await keptLog(ctx, id);
    if (kept) return printKept(ctx, kept);
    const session = found.get(id)!;
    out.note(session.status === 'Pending' && session.startedAt === null ? MESSAGES.queuedNoLogs(id) : MESSAGES.emptyLogs(id));
    return 0;
  }
  if (logs.truncated) out.note(MESSAGES.logsTruncated);
  out.print(logs.text.endsWith('\n') ? logs.text : `${logs.text}\n`);
  return 0;
};

/**
 * `events ID`: the session's Kubernetes events as a table, or an array with --json. A listed session
 * whose events answer 404 has no pod: queued (Pending), or its pod is gone — said as such, not "not found".
 */
export const eventsCommand: CommandHandler = async (ctx) => {
  const { args, out, api } = ctx;
  const id = args.positionals[0];
  const { found, unknown } = await lookUpSessions(ctx, [id]);
  if (unknown.length > 0) throw noSessionError(id);
  const session = found.get(id)!;
  let events;
  try {
    events = await (await api()).getEvents(id);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'SKAHA_NOT_FOUND') throw error;
    if (out.format) out.printData([], EVENT_COLUMNS);
    else out.print(`${session.status === 'Pending' ? MESSAGES.queuedNoEvents(id) : MESSAGES.podGoneNoEvents(id, session.status)}\n`);
    return 0;
  }
  if (out.format) out.printData(events.map(eventJson), EVENT_COLUMNS);
  else if (events.length === 0) out.print(`${MESSAGES.noEvents(id)}\n`);
  else out.printStyled(eventsView(events, out.style));
  return 0;
};
