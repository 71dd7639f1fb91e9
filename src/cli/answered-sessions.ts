import type { DaemonConnection } from '../daemon-client/daemon-connection.js';
import type { Session } from '../domain/session.js';
import type { CommandContext } from './command-context.js';
import { daemonAnswers, directAnswers, type Answers } from './session-answers.js';

/**
 * The answers for sessions a command shows: the daemon's insights when its cache listed them
 * (`conn`), else one events read per Pending or Failed session, straight from Skaha.
 */
export async function answersFor(ctx: CommandContext, sessions: readonly Session[], conn: DaemonConnection | null): Promise<Answers> {
  if (conn?.state) return daemonAnswers(conn.state, sessions, ctx.io.now());
  if (!sessions.some((s) => s.status === 'Pending' || s.status === 'Failed' || s.status === 'Error')) return new Map();
  return directAnswers(await ctx.api(), sessions, ctx.io.now(), await ctx.concurrency());
}
