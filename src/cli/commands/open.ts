import { AppError } from '../../domain/errors.js';
import { isInteractiveKind, type Session } from '../../domain/session.js';
import type { CommandContext, CommandHandler } from '../command-context.js';
import { noSessionError } from '../../domain/no-session.js';
import { lookUpSessions } from '../known-sessions.js';
import { flagOption } from '../parse-args.js';
import { progressLine } from '../progress-line.js';
import { readerFor } from '../session-readers.js';
import { waitForSessions } from '../session-wait.js';
import { DIAGNOSTICS, MESSAGES } from '../text.js';

// The session's kind or status does not allow opening it: the request was fine, the session is not (exit 1).
const fail = (message: string) => new AppError('SESSION_STATE', message);

/**
 * `open ID [--wait]`: opens a Running session's URL in the browser (or prints it when no browser opens).
 * A Pending session is an error unless --wait, which shows progress until it runs; any other status is an error.
 */
export const openCommand: CommandHandler = async (ctx) => {
  const id = ctx.args.positionals[0];
  const { found, unknown } = await lookUpSessions(ctx, [id]);
  if (unknown.length > 0) throw noSessionError(id);
  let session = found.get(id)!;
  if (!isInteractiveKind(session.kind)) throw fail(MESSAGES.noUrl(id, session.kind));
  if (session.status === 'Pending') {
    if (!flagOption(ctx.args, 'wait')) throw fail(MESSAGES.notRunningUseWait(id, session.status));
    const waited = await waitUntilRunning(ctx, id);
    if (waited === 'interrupted') return 130;
    session = waited;
  }
  if (session.status !== 'Running') throw fail(MESSAGES.notOpenable(id, session.status));
  if (!session.url) throw fail(MESSAGES.noUrl(id, session.kind));
  return openUrl(ctx, id, session.url);
};

/** Waits with a progress line until the session leaves Pending; NOT_FOUND when it vanishes. */
async function waitUntilRunning(ctx: CommandContext, id: string): Promise<Session | 'interrupted'> {
  const interrupt = ctx.system.interrupt();
  try {
    const outcome = await waitForSessions({
      ids: [id],
      reader: await readerFor(ctx),
      settled: (s) => s.status !== 'Pending',
      system: ctx.system,
      signal: interrupt.signal,
      now: ctx.io.now,
      progress: progressLine(ctx.io.stderr),
      log: ctx.log,
    });
    if (outcome.interrupted) {
      ctx.out.note(MESSAGES.waitStopped);
      return 'interrupted';
    }
    const session = outcome.sessions.get(id);
    if (!session) throw new AppError('SKAHA_NOT_FOUND', MESSAGES.notFound(id));
    return session;
  } finally {
    interrupt.dispose();
  }
}

async function openUrl(ctx: CommandContext, id: string, url: string): Promise<number> {
  if (await ctx.system.openUrl(url, ctx.io.env)) {
    ctx.out.print(`${MESSAGES.opened(id, url)}\n`);
    return 0;
  }
  ctx.log.info(DIAGNOSTICS.openFailed, { browser: ctx.io.env.BROWSER ?? null });
  ctx.out.warn(MESSAGES.noBrowser);
  ctx.out.print(`${url}\n`);
  return 0;
}
