import type { DaemonConnection } from '../../daemon-client/daemon-connection.js';
import { AppError, isAppError, toAppError } from '../../domain/errors.js';
import { noSessionError } from '../../domain/no-session.js';
import type { CommandContext } from '../command-context.js';
import { topicEvent } from '../daemon-events.js';
import { diffLog, type LogCursor } from '../../logs/log-diff.js';
import { aborted } from '../system.js';
import { MESSAGES } from '../text.js';

/** How often the direct fallback refetches the log (the daemon's default too). */
export const DIRECT_FOLLOW_MS = 2_000;

/** Prints log lines on stdout; a reset after lines were shown gets a marker on stderr first. */
function linePrinter(ctx: CommandContext) {
  let printed = 0;
  const print = (lines: readonly string[]) => {
    if (lines.length > 0) ctx.out.print(lines.map((l) => `${l}\n`).join(''));
    printed += lines.length;
  };
  return {
    append: print,
    reset(lines: readonly string[], truncated = false) {
      if (printed > 0) ctx.out.note(MESSAGES.logsReset);
      if (truncated) ctx.out.note(MESSAGES.logsTruncated);
      print(lines);
    },
  };
}

/** `logs ID --follow`: through the daemon (started when none runs); without one, polls Skaha every 2 s. Ctrl-C ends it (exit 0). */
export async function followLogs(ctx: CommandContext, id: string): Promise<number> {
  let conn: DaemonConnection | null = null;
  if (ctx.useDaemon) {
    try {
      conn = await ctx.startDaemon();
    } catch (error) {
      const e = toAppError(error);
      if (e.code === 'DAEMON_UNTRUSTED') throw e;
      ctx.out.warn(MESSAGES.followDirect(e.message));
    }
  }
  const interrupt = ctx.system.interrupt();
  try {
    return conn ? await followThroughDaemon(ctx, conn, id, interrupt.signal) : await followDirect(ctx, id, interrupt.signal);
  } finally {
    interrupt.dispose();
  }
}

async function followThroughDaemon(ctx: CommandContext, conn: DaemonConnection, id: string, signal: AbortSignal): Promise<number> {
  const printer = linePrinter(ctx);
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const off = conn.subscribe({
    onEvent(topic, data) {
      const event = topicEvent(topic, data);
      if (event.topic === 'logs:reset' && event.data.sessionId === id) printer.reset(event.data.lines, event.data.truncated);
      else if (event.topic === 'logs:append' && event.data.sessionId === id) printer.append(event.data.lines);
      else if (event.topic === 'session:removed' && event.data.session.id === id) {
        ctx.out.note(MESSAGES.logsSessionGone(id));
        finish(0);
      }
    },
    onStatus(status) {
      if (status.state !== 'disconnected') return;
      ctx.out.error(new AppError('DAEMON_UNAVAILABLE', MESSAGES.daemonLost(status.lastError?.message ?? '')));
      finish(1);
    },
  });
  void aborted(signal).then(() => finish(0));
  try {
    await checkKnown(conn, id);
    await conn.request('logs.subscribe', { sessionId: id });
    const code = await finished;
    if (conn.status.state === 'connected') await conn.request('logs.unsubscribe', { sessionId: id }, { timeoutMs: 2_000 }).catch(() => undefined);
    return code;
  } finally {
    off();
  }
}

/** NOT_FOUND when a fresh daemon cache (refreshed once) does not hold the session; no verdict while the cache is stale. */
async function checkKnown(conn: DaemonConnection, id: string): Promise<void> {
  if (conn.state?.sessions[id]) return;
  await conn.request('refresh', {}).catch(() => undefined);
  const state = conn.state;
  if (state && !state.health.stale && state.lastPollAt !== null && !state.sessions[id]) {
    throw noSessionError(id);
  }
}

async function followDirect(ctx: CommandContext, id: string, signal: AbortSignal): Promise<number> {
  const api = await ctx.api();
  // Skaha answers an empty log for any id: one listing says whether it is the user's.
  if (!(await api.listSessions()).some((s) => s.id === id)) throw noSessionError(id);
  const printer = linePrinter(ctx);
  let cursor: LogCursor | null = null;
  let failing = false;
  while (!signal.aborted) {
    try {
      const logs = await api.getLogs(id);
      const change = diffLog(cursor, logs.text, logs.truncated);
      if (cursor === null && logs.truncated) ctx.out.note(MESSAGES.logsTruncated);
      // The first snapshot is the start, not a reset.
      if (change.kind === 'reset' && cursor !== null) printer.reset(change.lines);
      else printer.append(change.lines);
      cursor = change.cursor;
      failing = false;
    } catch (error) {
      const e = toAppError(error);
      if (cursor === null) throw e;
      if (isAppError(error) && e.code === 'SKAHA_NOT_FOUND') {
        ctx.out.note(MESSAGES.logsSessionGone(id));
        return 0;
      }
      if (!failing) ctx.out.warn(MESSAGES.logFetchFailed(e.message));
      failing = true;
    }
    await ctx.system.sleep(DIRECT_FOLLOW_MS, signal);
  }
  return 0;
}
