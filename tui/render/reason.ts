// Pure: the dashboard's short answer for a session: why it waits (and for how long), or why it failed.

import type { Session } from '../../src/domain/session.js';
import type { SessionInsight } from '../../src/state/insight.js';
import { renewText, waitedText } from '../../src/cli/answer-text.js';
import type { Colour } from './paint.js';

/**
 * "queued — no pod yet (Kueue) 4m" for a Pending session, "likely out of memory" for a failed one,
 * how the last renew went for a running one; null when there is nothing to say.
 */
export function reasonText(session: Session, insight: SessionInsight | undefined, now: number): string | null {
  if (session.status === 'Pending' && insight?.pending) {
    const waited = waitedText(insight.pending, now);
    return waited ? `${insight.pending.reason} ${waited}` : insight.pending.reason;
  }
  if ((session.status === 'Failed' || session.status === 'Error') && insight?.failure) return insight.failure.cause;
  if (session.status === 'Running' && insight?.renew) return renewText(insight.renew);
  return null;
}

/** The colour of that answer: amber while waiting, red for a failure or a renew that did not happen, green for a renew that did. */
export function reasonColour(session: Session, insight: SessionInsight | undefined): Colour {
  if (session.status === 'Pending') return 'yellow';
  return session.status === 'Running' && insight?.renew?.outcome === 'renewed' ? 'green' : 'red';
}
