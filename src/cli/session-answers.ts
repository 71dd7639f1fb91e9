// What the CLI says about a session beyond its status: why it is Pending (and for how long, and how
// much longer it may wait), why it failed. From the daemon's insights when it runs, else worked out
// now from one events read per Pending or Failed session.

import { isAppError } from '../domain/errors.js';
import type { SessionEvent } from '../domain/platform.js';
import type { Session } from '../domain/session.js';
import type { SkahaApi } from '../ports/skaha-api.js';
import { settleConcurrently } from '../client/limit-concurrency.js';
import { clueFromEvents, failureOf } from '../state/failure-cause.js';
import { pendingReason } from '../state/pending-reason.js';
import type { Answers, SessionAnswer } from './answer-types.js';

/** The answer types live in their own file (daemon-answers needs them too); re-exported for callers. */
export type { Answers, SessionAnswer } from './answer-types.js';

/** The most sessions whose events one command reads (the rest show their status only). */
export const MAX_EVENT_READS = 50;

/** The answers the daemon's state holds (its own file: the dashboard uses it without the client). */
export { daemonAnswers } from './daemon-answers.js';

/**
 * The answers Skaha gives now for `sessions`, without a daemon: one events read per Pending or Failed
 * session (at most MAX_EVENT_READS): a 404 means queued, never gone. How long a session has waited
 * and failures inferred from memory need a daemon that watched; an expired session is still told.
 */
export async function directAnswers(api: Pick<SkahaApi, 'getEvents'>, sessions: readonly Session[], now: number, concurrency: number): Promise<Answers> {
  const wanted = sessions.filter((s) => s.status === 'Pending' || s.status === 'Failed' || s.status === 'Error').slice(0, MAX_EVENT_READS);
  const settled = await settleConcurrently(wanted, concurrency, (s) => api.getEvents(s.id));
  const out = new Map<string, SessionAnswer>();
  wanted.forEach((s, i) => {
    const outcome = settled[i];
    let events: SessionEvent[] | null | undefined;
    if (outcome.status === 'fulfilled') events = outcome.value;
    else if (isAppError(outcome.reason) && outcome.reason.code === 'SKAHA_NOT_FOUND') events = null;
    if (s.status === 'Pending') {
      if (events === undefined) return;
      out.set(s.id, { pending: { ...pendingReason(events, false), since: null, exact: false, estimate: null }, failure: null, renew: null });
    } else {
      const clue = events ? clueFromEvents(events, now) : null;
      out.set(s.id, { pending: null, failure: failureOf(s, clue, { before: null, recentRamGB: [], flexibleLimitGiB: null }, now), renew: null });
    }
  });
  return out;
}
