// Reads answered from the daemon's cache when one runs, else from Skaha: the path decision for ps, info, stats, prune, open.

import type { DaemonConnection } from '../daemon-client/daemon-connection.js';
import type { Session } from '../domain/session.js';
import type { ListOptions } from '../ports/skaha-api.js';
import type { DaemonState } from '../state/state.js';
import type { CommandContext } from './command-context.js';
import { formatDuration } from './format.js';
import { DIAGNOSTICS, MESSAGES } from './text.js';

const warned = new WeakSet<DaemonConnection>();

/** Pure: the one-line warning for a cache that is stale (not from a fresh poll, or the platform is down), or null. */
export function staleWarning(state: DaemonState, now: number): string | null {
  const { health } = state;
  if (!health.stale && health.state !== 'down' && health.state !== 'refused') return null;
  const age = state.lastPollAt === null ? '-' : formatDuration(now - state.lastPollAt);
  const why = health.lastError?.message ?? MESSAGES.staleReason(health.state);
  // Refused credentials are the user's to fix: say that first, then Skaha's words.
  return MESSAGES.staleCache(age, health.state === 'refused' && health.lastError ? `${MESSAGES.staleReason('refused')} — ${why}` : why);
}

/**
 * The daemon when its cache can answer a read: it runs and has polled Skaha at least once. A stale
 * cache still answers, with one warning on stderr. Null means: ask Skaha directly.
 */
export async function cacheDaemon(ctx: CommandContext): Promise<DaemonConnection | null> {
  const conn = await ctx.daemon();
  const state = conn?.state ?? null;
  if (!conn || !state) {
    ctx.log.info(DIAGNOSTICS.direct);
    return null;
  }
  if (state.lastPollAt === null) {
    ctx.log.info(DIAGNOSTICS.notPolledYet);
    return null;
  }
  ctx.log.info(DIAGNOSTICS.fromCache, { lastPollAt: new Date(state.lastPollAt).toISOString(), health: state.health.state });
  const warning = staleWarning(state, ctx.io.now());
  if (warning && !warned.has(conn)) {
    warned.add(conn);
    ctx.out.warn(warning);
  }
  return conn;
}

/** Pure: the cached sessions filtered like `GET /session?type=&status=` (exact kind and status). */
export function filterSessions(sessions: Iterable<Session>, filters: ListOptions): Session[] {
  return [...sessions].filter((s) => (!filters.kind || s.kind === filters.kind) && (!filters.status || s.status === filters.status));
}

/** The caller's sessions, filtered: from the daemon's cache when it can answer, else from Skaha. */
export async function mySessions(ctx: CommandContext, filters: ListOptions = {}): Promise<Session[]> {
  const conn = await cacheDaemon(ctx);
  if (conn?.state) return filterSessions(Object.values(conn.state.sessions), filters);
  return (await ctx.api()).listSessions(filters);
}
