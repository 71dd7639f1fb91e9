// What the daemon's state says about sessions beyond their status (its insights and wait history),
// as the CLI and the dashboard's export show it. Pure: no request is made.

import type { Session } from '../domain/session.js';
import type { SessionInsight, WaitRecord } from '../state/insight.js';
import type { DaemonState } from '../state/state.js';
import { estimateWait } from '../state/wait-estimate.js';
import type { Answers, PendingAnswer, SessionAnswer } from './answer-types.js';

function answerOf(session: Session, insight: SessionInsight | undefined, waits: readonly WaitRecord[], now: number): SessionAnswer | null {
  if (!insight) return null;
  const p = insight.pending;
  const pending: PendingAnswer | null =
    p && session.status === 'Pending'
      ? { code: p.code, reason: p.reason, since: p.since, exact: p.exact, detail: p.detail, estimate: estimateWait(waits, session, now - p.since) }
      : null;
  return { pending, failure: insight.failure, renew: insight.renew };
}

/** Pure: the answers the daemon's state holds for `sessions` (its insights, and estimates from its wait history). */
export function daemonAnswers(state: DaemonState, sessions: readonly Session[], now: number): Answers {
  const out = new Map<string, SessionAnswer>();
  for (const s of sessions) {
    const answer = answerOf(s, Object.hasOwn(state.insights, s.id) ? state.insights[s.id] : undefined, state.waits, now);
    if (answer) out.set(s.id, answer);
  }
  return out;
}
