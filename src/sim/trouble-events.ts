import type { EventContext, PodEvent } from './pod-event.js';
import { containerName, podName, WORKLOAD_NAMESPACE } from './k8s-names.js';
import { scaledMs } from './lifecycle.js';
import { containerRuns } from './pods.js';
import { hexFrom } from './random.js';

/** Kubelet's and the scheduler's back-off: 10 s, doubling, at most 300 s (simulated seconds). */
const FIRST_BACKOFF_SECONDS = 10;
const MAX_BACKOFF_SECONDS = 300;

/** The times of repeated attempts from `first` up to `now`: `first`, then after a doubling back-off. */
export function retryTimes(first: number, now: number, speed: number): number[] {
  const times: number[] = [];
  let at = first;
  for (let k = 0; at <= now && k < 10_000; k++) {
    times.push(at);
    at += scaledMs(Math.min(FIRST_BACKOFF_SECONDS * 2 ** k, MAX_BACKOFF_SECONDS), speed);
  }
  return times;
}

/** An event repeated at `times` (offset by `delayMs`): shown once with its first and last time; none before the first. */
function repeated(type: PodEvent['type'], reason: string, message: string, times: number[], delayMs = 0): PodEvent[] {
  if (times.length === 0) return [];
  const first = times[0] + delayMs;
  const last = times[times.length - 1] + delayMs;
  return [{ type, reason, message, at: first, first, last }];
}

/** The pull failures of an image that does not exist: ErrImagePull, then ImagePullBackOff, retried with back-off; the pod stays Pending. */
export function imagePullEvents({ s, pod, now, speed }: EventContext): PodEvent[] {
  const firstTry = pod.admittedAt + scaledMs(6, speed) * 0.5;
  const tries = retryTimes(firstTry, now, speed);
  const image = s.image;
  const reason = `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
  const waits = tries.map((t) => t + 200);
  return [
    ...repeated('Warning', 'Failed', `Failed to pull image "${image}": ${reason}`, tries, 100),
    ...repeated('Warning', 'Failed', 'Error: ErrImagePull', tries, 100),
    ...repeated('Normal', 'BackOff', `Back-off pulling image "${image}"`, waits),
    ...repeated('Warning', 'Failed', 'Error: ImagePullBackOff', waits),
  ].filter((e) => e.at <= now);
}

/** Requests above these fit on no worker node (cores, GiB). */
const NODE_FREE = { cores: 12, ramGiB: 128 };

/**
 * A pod no node can take: FailedScheduling "Insufficient cpu" and/or "Insufficient memory" (by what it
 * asks for; memory when neither is large), retried with back-off (scheduler events have no legacy timestamps).
 */
export function unschedulableEvents({ s, pod, now, speed }: EventContext): PodEvent[] {
  const nodes = 24;
  const short = [s.resources.cpuRequest > NODE_FREE.cores && 'cpu', s.resources.ramRequestGiB > NODE_FREE.ramGiB && 'memory'].filter(Boolean);
  const reasons = (short.length > 0 ? short : ['memory']).map((r) => `${nodes} Insufficient ${r}`).join(', ');
  const message =
    `0/${nodes} nodes are available: ${reasons}. ` + `preemption: 0/${nodes} nodes are available: ${nodes} No preemption victims found for incoming pod.`;
  const tries = retryTimes(pod.admittedAt + scaledMs(0.5, speed), now, speed);
  if (tries.length === 0) return [];
  return [{ type: 'Warning', reason: 'FailedScheduling', message, at: tries[tries.length - 1] }];
}

/** The restarts of a crash-looping container: each crash is followed by "Back-off restarting failed container". */
export function crashLoopEvents({ s, pod, now, seed }: EventContext): PodEvent[] {
  const runs = containerRuns(s, pod);
  const crashes = runs
    .slice(0, -1)
    .map((r) => r.exitAt)
    .filter((t) => t <= now);
  const uid = hexFrom(32, seed, s.id, 'pod-uid');
  const podUid = `${uid.slice(0, 8)}-${uid.slice(8, 12)}-${uid.slice(12, 16)}-${uid.slice(16, 20)}-${uid.slice(20, 32)}`;
  const message = `Back-off restarting failed container ${containerName(s)} in pod ${podName(s, seed)}_${WORKLOAD_NAMESPACE}(${podUid})`;
  const restarts = runs
    .slice(1)
    .map((r) => r.startedAt)
    .filter((t) => t <= now);
  return [
    ...repeated('Warning', 'BackOff', message, crashes, 100),
    ...repeated('Normal', 'Pulled', `Container image "${s.image}" already present on machine`, restarts, -100),
  ];
}
