import { containerName, nodeName, podIp, podName, WORKLOAD_NAMESPACE } from './k8s-names.js';
import { isInteractive, LIFETIMES, scaledMs, visiblePodAt } from './lifecycle.js';
import { containerRuns, isFirstPod } from './pods.js';
import { pick } from './random.js';
import { crashLoopEvents, imagePullEvents, unschedulableEvents } from './trouble-events.js';
import type { SimPod, SimSession } from './types.js';
import type { EventContext, PodEvent } from './pod-event.js';
import { k8sTime } from './wire-format.js';

/** An event that happens once, at `time`. */
export function eventAt(type: PodEvent['type'], reason: string, message: string, time: number): PodEvent {
  return { type, reason, message, at: time, first: time, last: time };
}

/** The pending time a pod's start-up events are spread over (a pod that never gets ready uses a nominal one). */
export function startupSpan(pod: SimPod, nominalMs: number): number {
  return Number.isFinite(pod.readyAt) ? pod.readyAt - pod.admittedAt : nominalMs;
}

/**
 * The events of the session's pod at `now`, in creation order, or undefined when Skaha finds no pod
 * (queued in Kueue, preempted, or deleted by the Job controller); events older than the event TTL are gone.
 */
export function podEventsAt(s: SimSession, now: number, seed: number, speed: number): PodEvent[] | undefined {
  const pod = visiblePodAt(s, now);
  if (pod === undefined) return undefined;
  const ctx = { s, pod, now, seed, speed };
  const all = s.trouble === 'unschedulable' ? unschedulableEvents(ctx) : [...startupEvents(ctx), ...troubleEvents(ctx)];
  if (s.terminatingUntil !== undefined && s.deletedAt !== undefined) {
    all.push(eventAt('Normal', 'Killing', `Stopping container ${containerName(s)}`, s.deletedAt));
  }
  const ttl = scaledMs(LIFETIMES.eventTtl, speed);
  return all.filter((e) => e.at <= now && now - (e.last ?? e.at) < ttl).map((e) => clampLast(e, now));
}

function troubleEvents(ctx: EventContext): PodEvent[] {
  if (ctx.s.trouble === 'image-pull') return imagePullEvents(ctx);
  if (ctx.s.trouble === 'crash-loop') return crashLoopEvents(ctx);
  return [];
}

/** Scheduled, then the image pull (or "already present" on a later pod), Created, Started (again on each restart), and a readiness probe. */
function startupEvents({ s, pod, now, seed, speed }: EventContext): PodEvent[] {
  const span = startupSpan(pod, scaledMs(6, speed));
  const t = (fraction: number): number => pod.admittedAt + span * fraction;
  const all: PodEvent[] = [
    {
      type: 'Normal',
      reason: 'Scheduled',
      // the scheduler writes events.k8s.io events, whose legacy timestamps are empty
      message: `Successfully assigned ${WORKLOAD_NAMESPACE}/${podName(s, seed)} to ${nodeName(s, seed)}`,
      at: t(0.1),
    },
  ];
  const first = isFirstPod(s, pod);
  if (first) all.push(eventAt('Normal', 'Pulling', `Pulling image "${s.image}"`, t(0.2)));
  if (s.trouble === 'image-pull') return all;
  if (first) {
    const took = `${((span * 0.5 * speed) / 1000).toFixed(3)}s`;
    const size = pick(800_000_000, 6_000_000_000, seed, s.id, 'image-size');
    all.push(eventAt('Normal', 'Pulled', `Successfully pulled image "${s.image}" in ${took} (${took} including waiting). Image size: ${size} bytes.`, t(0.7)));
  } else {
    all.push(eventAt('Normal', 'Pulled', `Container image "${s.image}" already present on machine`, t(0.7)));
  }
  const runs = containerRuns(s, pod);
  // kubectl shows a repeated event once, with the time it last happened
  const lastStart = Math.max(runs[0].startedAt, ...runs.filter((r) => r.startedAt <= now).map((r) => r.startedAt));
  const container = containerName(s);
  all.push({ ...eventAt('Normal', 'Created', `Created container: ${container}`, t(0.8)), last: Math.max(t(0.8), lastStart) });
  all.push({ ...eventAt('Normal', 'Started', `Started container ${container}`, runs[0].startedAt), last: lastStart });
  if (isInteractive(s) && s.trouble === undefined && pod.readyAt - runs[0].startedAt >= 1000) {
    const probe = `Readiness probe failed: Get "http://${podIp(s, seed)}:8888/": dial tcp ${podIp(s, seed)}:8888: connect: connection refused`;
    all.push({ type: 'Warning', reason: 'Unhealthy', message: probe, at: runs[0].startedAt + 500, first: runs[0].startedAt + 500, last: pod.readyAt - 500 });
  }
  return all;
}

function clampLast(e: PodEvent, now: number): PodEvent {
  return e.last !== undefined && e.last > now ? { ...e, last: now } : e;
}

/** Renders events like `kubectl get events -o custom-columns=…`: tabwriter-aligned, `<none>\n` when empty. */
export function eventsTable(events: PodEvent[]): string {
  if (events.length === 0) return '<none>\n';
  const time = (ms: number | undefined): string => (ms === undefined ? '<none>' : k8sTime(ms));
  const rows = [['TYPE', 'REASON', 'MESSAGE', 'FIRST-TIME', 'LAST-TIME'], ...events.map((e) => [e.type, e.reason, e.message, time(e.first), time(e.last)])];
  // kubectl's tabwriter: minwidth 10, padding 3; the last column is not padded
  const widths = rows[0].map((_, c) => Math.max(10, ...rows.map((r) => r[c].length + 3)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('')).join('\n') + '\n';
}
