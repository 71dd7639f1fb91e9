import type { SimSession, SimStatus } from './types.js';

/** Lifetimes of the real deployment in seconds (Helm defaults); the simulator divides them by its speed. */
export const LIFETIMES = {
  /** activeDeadlineSeconds of interactive sessions (skaha.sessionexpiry). */
  interactiveDeadline: 345_600,
  /** activeDeadlineSeconds of headless jobs. */
  headlessDeadline: 1_209_600,
  /** ttlSecondsAfterFinished of interactive sessions. */
  interactiveTtl: 86_400,
  /** ttlSecondsAfterFinished of headless jobs. */
  headlessTtl: 3_600,
  /** Kubernetes keeps events for an hour (kube-apiserver --event-ttl). */
  eventTtl: 3_600,
} as const;

/** Milliseconds of simulated duration `seconds` at `speed`. */
export function scaledMs(seconds: number, speed: number): number {
  return (seconds * 1000) / speed;
}

/** The expiry deadline in whole seconds at `speed` (Kubernetes wants an integer, at least 1). */
export function scaledDeadline(seconds: number, speed: number): number {
  return Math.max(1, Math.round(seconds / speed));
}

/** When the Job's active deadline passes (its expiryTime). */
export function expiryAt(s: SimSession): number {
  return s.startAt + s.deadlineSeconds * 1000;
}

/** When the Job finishes: the command exits or the deadline passes, whichever is first. */
export function finishedAt(s: SimSession): number {
  return Math.min(s.runEndAt ?? Infinity, expiryAt(s));
}

/** The status a finished Job reports: its outcome, or Failed when the deadline killed it. */
export function finalStatus(s: SimSession): 'Completed' | 'Failed' {
  return s.runEndAt !== undefined && s.runEndAt <= expiryAt(s) ? s.outcome : 'Failed';
}

/** When the container starts (the Started event), a little before the readiness probe passes. */
export function containerStartAt(s: SimSession): number {
  return s.createdAt + (s.readyAt - s.createdAt) * 0.85;
}

/** The status at `now`, or undefined when the Job is gone (deleted, or past its retention). */
export function statusAt(s: SimSession, now: number): SimStatus | undefined {
  if (s.deletedAt !== undefined && now >= s.deletedAt) {
    return s.terminatingUntil !== undefined && now < s.terminatingUntil ? 'Terminating' : undefined;
  }
  const end = finishedAt(s);
  if (now >= end) return now >= end + s.ttlMs ? undefined : finalStatus(s);
  return now >= s.readyAt ? 'Running' : 'Pending';
}

/** Whether the Job is active (Pending or Running) at `now`. */
export function isActiveAt(s: SimSession, now: number): boolean {
  const status = statusAt(s, now);
  return status === 'Pending' || status === 'Running';
}

/** The time until which the container produced output (logs stop when it ends). */
export function outputEndAt(s: SimSession): number {
  return Math.min(finishedAt(s), s.deletedAt ?? Infinity);
}

/** Whether a kind counts towards the interactive cap. */
export function isInteractive(s: Pick<SimSession, 'kind'>): boolean {
  return s.kind !== 'headless' && s.kind !== 'desktop-app';
}

/**
 * Renews an active Job like PostAction#renew: when the session expiry is longer than what remains,
 * the deadline becomes elapsed + expiry. Returns whether the Job was active.
 */
export function renewJob(s: SimSession, now: number, expirySeconds: number): boolean {
  if (!isActiveAt(s, now)) return false;
  const elapsed = Math.max(0, Math.floor((now - s.startAt) / 1000));
  if (expirySeconds > s.deadlineSeconds - elapsed) s.deadlineSeconds = elapsed + expirySeconds;
  return true;
}
