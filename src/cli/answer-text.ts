// The words for answers (why Pending, how long, how much longer, why Failed, how a renew went),
// shared by the CLI views, the dashboard and the daemon's notifications.

import type { FailureInfo, RenewCheck } from '../state/insight.js';
import type { WaitEstimate } from '../state/wait-estimate.js';
import { formatClockDay, formatDuration } from './format.js';

/** How long a session has been Pending: "5m", "over 5m" when the daemon first saw it already waiting; null when unknown. */
export function waitedText(pending: { since: number | null; exact: boolean }, now: number): string | null {
  if (pending.since === null) return null;
  const waited = formatDuration(now - pending.since);
  return pending.exact ? waited : `over ${waited}`;
}

const launches = (n: number) => `${n} past launch${n === 1 ? '' : 'es'}`;

/** The remaining wait in words: "about 12m more (from 5 past launches)", "no estimate yet (2 past launches like it)"; null without a daemon. */
export function estimateText(estimate: WaitEstimate | null): string | null {
  if (estimate === null) return null;
  if (estimate.kind === 'none') return `no estimate yet (${launches(estimate.basis)} like it)`;
  if (estimate.kind === 'longer') return `longer than any of ${launches(estimate.basis)} like it (the longest waited ${formatDuration(estimate.longestMs)})`;
  return `about ${formatDuration(estimate.remainingMs)} more (from ${launches(estimate.basis)} like it)`;
}

/** A failure cause as one phrase: "likely out of memory (inferred)". */
export function causeText(failure: Pick<FailureInfo, 'cause' | 'inferred'>): string {
  return failure.inferred ? `${failure.cause} (inferred)` : failure.cause;
}

/** How a renew went, in words: "renewed until 14:02 Thu", "not renewed: the server did not renew it …". */
export function renewText(check: RenewCheck): string {
  if (check.outcome === 'renewed') return check.expiresAt ? `renewed until ${formatClockDay(check.expiresAt)}` : 'renewed';
  if (check.outcome === 'failed') return `renew failed: ${check.why ?? 'the server refused it'}`;
  return `not renewed: ${check.why ?? 'its expiry did not move'}`;
}
