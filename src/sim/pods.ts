import type { SimPod, SimSession } from './types.js';

/** How many times a crash-looping container is restarted before the Job fails (the Job's backoffLimit). */
export const CRASH_RETRIES = 3;

/**
 * A pod admitted at `admittedAt` that is ready `pendingMs` later (Infinity: never). The Job controller
 * sets `status.startTime` (whole seconds) about a second after admission, or half-way for a quick start.
 */
export function planPod(admittedAt: number, pendingMs: number, oneSecondMs: number): SimPod {
  return {
    admittedAt,
    startAt: Math.floor((admittedAt + Math.min(oneSecondMs, pendingMs / 2)) / 1000) * 1000,
    readyAt: admittedAt + pendingMs,
  };
}

/** The pod the Job has at `now` (admitted and not preempted); undefined while it waits in the queue. */
export function podAt(s: SimSession, now: number): SimPod | undefined {
  for (let i = s.pods.length - 1; i >= 0; i--) {
    const pod = s.pods[i];
    if (pod.admittedAt <= now) return pod.preemptedAt !== undefined && pod.preemptedAt <= now ? undefined : pod;
  }
  return undefined;
}

/** The Job's last pod: the only one that can finish it. */
export function lastPod(s: SimSession): SimPod {
  return s.pods[s.pods.length - 1];
}

/** Whether `pod` is the Job's first (it pulls the image; later pods find it on the node). */
export function isFirstPod(s: SimSession, pod: SimPod): boolean {
  return s.pods[0] === pod;
}

/** One run of a container: it starts, is ready, and (when it has a command that ends) exits. */
export interface ContainerRun {
  startedAt: number;
  readyAt: number;
  /** When the command exits (Infinity when it runs until the deadline). */
  exitAt: number;
}

/** The attempts of a crash-looping pod: each runs `runMs` and exits 1; restarts wait a doubling back-off. */
export function crashAttempts(s: SimSession, pod: SimPod): ContainerRun[] {
  const runMs = s.runMs ?? 0;
  const runs: ContainerRun[] = [];
  let start = pod.readyAt;
  for (let i = 0; i <= CRASH_RETRIES; i++) {
    runs.push({ startedAt: start, readyAt: start, exitAt: start + runMs });
    start += runMs + s.backoffMs * 2 ** i;
  }
  return runs;
}

/** The container runs of a pod, in order: none when it never starts; one (or a crash loop's attempts) otherwise. */
export function containerRuns(s: SimSession, pod: SimPod): ContainerRun[] {
  if (!Number.isFinite(pod.readyAt)) return [];
  if (s.trouble === 'crash-loop') return crashAttempts(s, pod);
  const startedAt = pod.admittedAt + (pod.readyAt - pod.admittedAt) * 0.85;
  const exitAt = pod === lastPod(s) && s.runMs !== undefined ? pod.readyAt + s.runMs : Infinity;
  return [{ startedAt, readyAt: pod.readyAt, exitAt }];
}

/** The latest container run of the pod that has started by `now`. */
export function containerAt(s: SimSession, pod: SimPod, now: number): ContainerRun | undefined {
  return containerRuns(s, pod)
    .filter((run) => run.startedAt <= now)
    .pop();
}

/**
 * Preempts the pod the Job has at `at` and queues the Job again: a new pod is admitted `queuedMs`
 * later and is ready `pendingMs` after that. Throws a RangeError when there is no pod to preempt.
 */
export function preemptPod(s: SimSession, at: number, queuedMs: number, pendingMs: number, oneSecondMs: number): void {
  const pod = podAt(s, at);
  if (pod === undefined || pod !== lastPod(s)) throw new RangeError(`session ${s.id} has no pod to preempt then (it is queued)`);
  if (!(queuedMs >= 0) || !Number.isFinite(queuedMs)) throw new RangeError(`the queued time must be a number of seconds >= 0, got ${queuedMs / 1000}`);
  pod.preemptedAt = at;
  s.pods.push(planPod(at + queuedMs, pendingMs, oneSecondMs));
}
