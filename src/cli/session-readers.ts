// Where waiting (open --wait, launch --wait) reads sessions from: the daemon's mirrored cache, or Skaha itself.

import type { DaemonConnection } from '../daemon-client/daemon-connection.js';
import { AppError, isAppError } from '../domain/errors.js';
import type { SessionEvent } from '../domain/platform.js';
import type { Session } from '../domain/session.js';
import type { SkahaApi } from '../ports/skaha-api.js';
import type { CommandContext } from './command-context.js';
import { cacheDaemon } from './daemon-cache.js';
import { parseTime } from './format.js';

/** A source of session snapshots for a wait loop. */
export interface SessionReader {
  /** The sessions among `ids` as known now; ids not (yet) listed are absent. Rejects on a failed read. */
  read(ids: readonly string[]): Promise<Map<string, Session>>;
  /** The newest Kubernetes event of a session as "Reason: message", or null. */
  latestEvent(id: string): Promise<string | null>;
  /** How often a read is worth doing. */
  intervalMs: number;
}

/** Pure: the newest event as one short line, or null when there is none. */
export function describeLatestEvent(events: readonly SessionEvent[]): string | null {
  if (events.length === 0) return null;
  const at = (e: SessionEvent) => parseTime(e.lastTime) ?? parseTime(e.firstTime) ?? 0;
  const newest = events.reduce((a, b) => (at(b) >= at(a) ? b : a));
  const message = newest.message.split('\n')[0].trim();
  return message ? `${newest.reason}: ${message}` : newest.reason;
}

/** Reads the daemon's mirrored state (no request to Skaha); fails once the link to the daemon is gone. */
export function daemonReader(conn: DaemonConnection): SessionReader {
  return {
    intervalMs: 500,
    async read(ids) {
      if (conn.status.state === 'disconnected') throw new AppError('DAEMON_UNAVAILABLE', conn.status.lastError?.message ?? 'the daemon went away');
      const sessions = conn.state?.sessions ?? {};
      return new Map(ids.filter((id) => sessions[id]).map((id) => [id, sessions[id]]));
    },
    latestEvent: (id) => conn.request('events', { sessionId: id }).then(describeLatestEvent, () => null),
  };
}

/** Reads Skaha every 2 s: one session by id, several with one listing. */
export function directReader(api: SkahaApi): SessionReader {
  return {
    intervalMs: 2_000,
    async read(ids) {
      if (ids.length === 1) {
        const found = await api.getSession(ids[0]).catch((error: unknown) => {
          if (isAppError(error) && error.code === 'SKAHA_NOT_FOUND') return null;
          throw error;
        });
        return new Map(found ? [[found.id, found]] : []);
      }
      const wanted = new Set(ids);
      return new Map((await api.listSessions()).filter((s) => wanted.has(s.id)).map((s) => [s.id, s]));
    },
    latestEvent: (id) => api.getEvents(id).then(describeLatestEvent, () => null),
  };
}

/** The reader for this run: the daemon's cache when it can answer, else Skaha. */
export async function readerFor(ctx: CommandContext): Promise<SessionReader> {
  const conn = await cacheDaemon(ctx);
  return conn ? daemonReader(conn) : directReader(await ctx.api());
}
