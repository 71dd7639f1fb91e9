// Which ids are the user's sessions: Skaha answers 200 to a delete or renew of any id and empty logs
// for it, so the listing decides — the daemon's fresh cache, or one listing, never a request per id.

import type { DaemonConnection } from '../daemon-client/daemon-connection.js';
import type { Session } from '../domain/session.js';
import type { CommandContext } from './command-context.js';
import { cacheDaemon } from './daemon-cache.js';
import { DIAGNOSTICS } from './text.js';

/** The sessions an invocation asked about, the ids that are none of the user's, and the whole listing they came from. */
export interface SessionLookup {
  found: Map<string, Session>;
  unknown: string[];
  /** Every session of the listing (the daemon's or Skaha's). */
  listing: Session[];
  /** The daemon whose cache answered, or null when Skaha did. */
  conn: DaemonConnection | null;
}

function lookup(ids: readonly string[], listing: Session[], conn: DaemonConnection | null): SessionLookup {
  const byId = new Map(listing.map((s) => [s.id, s]));
  const found = new Map<string, Session>();
  const unknown: string[] = [];
  for (const id of ids) {
    const session = byId.get(id);
    if (session) found.set(id, session);
    else if (!unknown.includes(id)) unknown.push(id);
  }
  return { found, unknown, listing, conn };
}

/**
 * Looks `ids` up among the user's sessions: in the daemon's cache when it can answer (after one
 * refresh when an id is missing, so a session launched a moment ago is found), else with one listing.
 */
export async function lookUpSessions(ctx: CommandContext, ids: readonly string[]): Promise<SessionLookup> {
  const conn = await cacheDaemon(ctx);
  if (conn?.state) {
    const missing = () => ids.some((id) => !Object.hasOwn(conn.state?.sessions ?? {}, id));
    if (missing()) await conn.request('refresh', {}).catch(() => undefined);
    const state = conn.state;
    // A cache that could not be refreshed cannot say an id is gone: Skaha is asked once instead.
    if (state && !(missing() && state.health.stale)) return lookup(ids, Object.values(state.sessions), conn);
    ctx.log.info(DIAGNOSTICS.notInCache, { ids: ids.length });
  }
  return lookup(ids, await (await ctx.api()).listSessions(), null);
}
