import { containerRuns, lastPod, podAt, preemptPod, type ContainerRun } from './pods.js';
import type { SimPod, SimSession, SimStatus } from './types.js';

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

/** When the active deadline of a pod passes (the expiryTime while it lives). */
export function expiryOf(s: SimSession, pod: SimPod): number {
  return pod.startAt + s.deadlineSeconds * 1000;
}

/** The exit of the Job's last container: its command ends, or a crash loop gives up; Infinity when it runs until the deadline. */
function lastExitAt(s: SimSession): number {
  const runs = containerRuns(s, lastPod(s));
  return runs.length === 0 ? Infinity : runs[runs.length - 1].exitAt;
}

/** When the Job finishes: the last pod's command exits or its deadline passes; never while it is queued after a preemption. */
export function finishedAt(s: SimSession): number {
  const last = lastPod(s);
  if (last.preemptedAt !== undefined) return Infinity;
  return Math.min(lastExitAt(s), expiryOf(s, last));
}

/** Why the Job finished: its command exited (ok or not), or the deadline killed it. */
export function finishReason(s: SimSession): 'exit' | 'deadline' {
  return lastExitAt(s) <= expiryOf(s, lastPod(s)) ? 'exit' : 'deadline';
}

/** The status a finished Job reports: its outcome when the command ended (crash loops and OOM kills fail), else Failed. */
export function finalStatus(s: SimSession): 'Completed' | 'Failed' {
  if (finishReason(s) === 'deadline' || s.trouble === 'crash-loop' || s.trouble === 'oom') return 'Failed';
  return s.outcome;
}

/** When the pod is deleted with the Job still listed: a deadline or a crash loop's back-off limit deletes it; a finished command leaves it. */
export function podGoneAt(s: SimSession): number {
  return finishReason(s) === 'deadline' || s.trouble === 'crash-loop' ? finishedAt(s) : Infinity;
}

/** The pod whose events and logs Skaha reads at `now`: none while queued, or once the pod was deleted. */
export function visiblePodAt(s: SimSession, now: number): SimPod | undefined {
  const pod = podAt(s, now);
  if (pod === undefined || now >= podGoneAt(s)) return undefined;
  return pod;
}

/** The status at `now`, or undefined when the Job is gone (deleted, or past its retention). */
export function statusAt(s: SimSession, now: number): SimStatus | undefined {
  if (s.deletedAt !== undefined && now >= s.deletedAt) {
    return s.terminatingUntil !== undefined && now < s.terminatingUntil ? 'Terminating' : undefined;
  }
  const end = finishedAt(s);
  if (now >= end) return now >= end + s.ttlMs ? undefined : finalStatus(s);
  const pod = podAt(s, now);
  if (pod === undefined) return 'Pending';
  if (s.trouble === 'crash-loop') return containerRuns(s, pod).some((r) => r.readyAt <= now && now < r.exitAt) ? 'Running' : 'Pending';
  return now >= pod.readyAt ? 'Running' : 'Pending';
}

/** Whether the Job is active (Pending or Running) at `now`. */
export function isActiveAt(s: SimSession, now: number): boolean {
  const status = statusAt(s, now);
  return status === 'Pending' || status === 'Running';
}

/** The time until which the container produced output (logs stop when it ends). */
export function outputEndAt(s: SimSession, pod: SimPod, run: ContainerRun): number {
  return Math.min(run.exitAt, expiryOf(s, pod), pod.preemptedAt ?? Infinity, s.deletedAt ?? Infinity);
}

/** Whether a kind counts towards the interactive cap. */
export function isInteractive(s: Pick<SimSession, 'kind'>): boolean {
  return s.kind !== 'headless' && s.kind !== 'desktop-app';
}

/**
 * Renews an active Job like PostAction#renew: when the session expiry is longer than what remains,
 * the deadline becomes elapsed + expiry. A queued Job has no start time, so nothing changes.
 * Returns whether the Job was active.
 */
export function renewJob(s: SimSession, now: number, expirySeconds: number): boolean {
  if (!isActiveAt(s, now)) return false;
  const pod = podAt(s, now);
  if (pod === undefined || now < pod.startAt) return true;
  const elapsed = Math.max(0, Math.floor((now - pod.startAt) / 1000));
  if (expirySeconds > s.deadlineSeconds - elapsed) s.deadlineSeconds = elapsed + expirySeconds;
  return true;
}

/**
 * Preempts the Job at `at` (Kueue suspends it: the pod is deleted and it is queued again for `queuedMs`;
 * the next pod is ready `pendingMs` after admission). Throws a RangeError when it is not active with a pod then.
 */
export function preemptJob(s: SimSession, at: number, queuedMs: number, pendingMs: number, oneSecondMs: number): void {
  const status = statusAt(s, at);
  if (status !== 'Running' && status !== 'Pending')
    throw new RangeError(`session ${s.id} is ${status ?? 'gone'} then, not active: only an active session can be preempted`);
  preemptPod(s, at, queuedMs, pendingMs, oneSecondMs);
}
