// Pure: the dashboard's short answer for a session: why it waits (and for how long), or why it failed.

import type { Session } from '../../src/domain/session.js';
import type { SessionInsight } from '../../src/state/insight.js';
import { renewText, waitedText } from '../../src/cli/answer-text.js';
import { formatCores, formatDuration } from '../../src/cli/format.js';
import { REASON } from '../text.js';
import type { Colour } from './paint.js';

/** Whether the daemon flagged the session idle (its CPU use stayed under the threshold long enough). */
export function isFlaggedIdle(session: Session, insight: SessionInsight | undefined): boolean {
  return session.status === 'Running' && insight?.idle != null && insight.idle.flaggedAt !== null;
}

/**
 * "queued — no pod yet (Kueue) 4m" for a Pending session, "likely out of memory" for a failed one,
 * "idle 6h: 0.02 of 8 cores" for a running one the daemon flagged idle, else how its last renew went;
 * null when there is nothing to say.
 */
export function reasonText(session: Session, insight: SessionInsight | undefined, now: number): string | null {
  if (session.status === 'Pending' && insight?.pending) {
    const waited = waitedText(insight.pending, now);
    return waited ? `${insight.pending.reason} ${waited}` : insight.pending.reason;
  }
  if ((session.status === 'Failed' || session.status === 'Error') && insight?.failure) return insight.failure.cause;
  if (isFlaggedIdle(session, insight)) {
    const req = session.fixed !== false ? session.cpu.requested : null;
    return REASON.idle(formatDuration(Math.max(0, now - insight!.idle!.since)), formatCores(session.cpu.used), req === null ? null : formatCores(req));
  }
  if (session.status === 'Running' && insight?.renew) return renewText(insight.renew);
  return null;
}

/** The colour of that answer: amber while waiting or idle, red for a failure or a renew that did not happen, green for a renew that did. */
export function reasonColour(session: Session, insight: SessionInsight | undefined): Colour {
  if (session.status === 'Pending' || isFlaggedIdle(session, insight)) return 'yellow';
  return session.status === 'Running' && insight?.renew?.outcome === 'renewed' ? 'green' : 'red';
}
