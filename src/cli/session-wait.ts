// Waiting for sessions to reach a state, with a progress line: the loop behind `open --wait` and `launch --wait`.

import { isAppError, toAppError } from '../domain/errors.js';
import type { Session } from '../domain/session.js';
import type { Logger } from '../ports/logger.js';
import { formatDuration } from './format.js';
import type { ProgressLine } from './progress-line.js';
import type { SessionReader } from './session-readers.js';
import type { CliSystem } from './system.js';
import { MESSAGES } from './text.js';

/** What a wait needs. */
export interface WaitOptions {
  ids: readonly string[];
  reader: SessionReader;
  /** Whether a session needs no more waiting. */
  settled(session: Session): boolean;
  system: CliSystem;
  signal: AbortSignal;
  now: () => number;
  progress: ProgressLine;
  log: Logger;
  /** How long an id may stay unlisted before it counts as gone (default 60 s: a new session shows up within a poll). */
  unseenLimitMs?: number;
}

/** How a wait ended: the last known session per id (null: never seen, or gone), and whether Ctrl-C cut it short. */
export interface WaitOutcome {
  sessions: Map<string, Session | null>;
  interrupted: boolean;
}

/** Fetch the latest event of a Pending session at most this often. */
const EVENT_EVERY_MS = 4_000;

/** Errors that waiting longer cannot fix. */
const FATAL = new Set(['DAEMON_UNAVAILABLE', 'SKAHA_UNAUTHORIZED', 'SKAHA_FORBIDDEN', 'CREDENTIALS_ERROR', 'LOGIN_EXPIRED', 'CONFIG_ERROR']);

/** Pure: the progress text (and its key without the elapsed time) for the sessions as last seen. */
export function waitProgress(
  ids: readonly string[],
  last: ReadonlyMap<string, Session>,
  elapsedMs: number,
  event: string | null,
): { text: string; key: string } {
  const elapsed = formatDuration(elapsedMs);
  if (ids.length === 1) {
    const s = last.get(ids[0]);
    const parts = [s?.name || ids[0], ids[0], s?.status ?? MESSAGES.waitUnseen] as const;
    return { text: MESSAGES.waitOne(...parts, elapsed, event), key: MESSAGES.waitOne(...parts, '', event) };
  }
  const counts = new Map<string, number>();
  for (const id of ids) {
    const status = last.get(id)?.status ?? MESSAGES.waitUnseen;
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const tally = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
  return { text: MESSAGES.waitMany(ids.length, tally, elapsed), key: MESSAGES.waitMany(ids.length, tally, '') };
}

/** Reads the sessions until each one is settled or gone (or Ctrl-C); transient read failures are retried. */
export async function waitForSessions(options: WaitOptions): Promise<WaitOutcome> {
  const { ids, reader, system, signal, now, progress, log } = options;
  const started = now();
  const last = new Map<string, Session>();
  const gone = new Set<string>();
  let event: string | null = null;
  let eventAt = Number.NEGATIVE_INFINITY;
  const open = () => ids.filter((id) => !gone.has(id) && !(last.has(id) && options.settled(last.get(id)!)));
  try {
    while (!signal.aborted) {
      try {
        const seen = await reader.read(open());
        for (const id of open()) {
          const session = seen.get(id);
          if (session) last.set(id, session);
          else if (last.has(id) || now() - started > (options.unseenLimitMs ?? 60_000)) gone.add(id);
        }
      } catch (error) {
        const e = toAppError(error);
        if (isAppError(error) && FATAL.has(e.code)) throw e;
        log.info(e.message, { code: e.code });
      }
      const waiting = open();
      if (waiting.length === 0) break;
      if (ids.length === 1 && last.get(ids[0])?.status === 'Pending' && now() - eventAt >= EVENT_EVERY_MS) {
        eventAt = now();
        event = await reader.latestEvent(ids[0]);
      }
      const { text, key } = waitProgress(ids, last, now() - started, event);
      progress.update(text, key);
      await system.sleep(reader.intervalMs, signal);
    }
  } finally {
    progress.done();
  }
  const sessions = new Map(ids.map((id) => [id, gone.has(id) ? null : (last.get(id) ?? null)]));
  return { sessions, interrupted: signal.aborted && open().length > 0 };
}
