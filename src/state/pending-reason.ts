// Why a Pending session waits, from its Kubernetes events (skaha-api.md §9.2, §9.10). Skaha's events
// view lists the pod's events: no pod (404) means Kueue has not admitted the job, never "gone".

import type { SessionEvent } from '../domain/platform.js';
import { eventsInOrder, firstLine, newest } from './event-order.js';
import type { PendingCode } from './insight.js';

/** A reason without its time. */
export interface PendingReason {
  code: PendingCode;
  reason: string;
  detail: string | null;
}

/** The words of each reason (one place, so the CLI, the dashboard and the docs agree). */
export const PENDING_TEXT = {
  queued: 'queued — no pod yet (Kueue)',
  queuedDetail: 'the job waits for Kueue to admit it; Skaha shows no queue position',
  preempted: 'preempted — queued again',
  preemptedDetail: 'Kueue took its place for other work; it runs again once admitted',
  pulling: 'pulling image',
  imagePull: (what: string) => `image cannot be pulled: ${what}`,
  insufficient: (what: string) => `insufficient ${what}`,
  unschedulable: 'no node can take it',
  crashBackoff: 'restarting after a crash (back-off)',
  scheduled: 'pod scheduled — starting',
  starting: 'starting container',
  notReady: 'starting — not answering yet (readiness probe)',
  noEvents: 'waiting for its pod (no events yet)',
  unknown: 'waiting (checking why…)',
} as const;

const isPullFailure = (e: SessionEvent) =>
  /ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull/.test(e.message) ||
  e.message.startsWith('Failed to pull image') ||
  (e.reason === 'BackOff' && e.message.startsWith('Back-off pulling image'));

/** Pure: the short "what" of an image pull failure: `<image>: not found`, else the first line of the error. */
export function pullProblem(events: readonly SessionEvent[]): { what: string; detail: string } {
  const failed = [...events].reverse().find((e) => e.message.startsWith('Failed to pull image')) ?? [...events].reverse().find(isPullFailure);
  const message = failed ? firstLine(failed.message) : 'ErrImagePull';
  const ref = /failed to resolve reference "([^"]+)": .*?\b(not found|unauthorized[^"]*|denied[^"]*|forbidden[^"]*)\s*$/i.exec(message);
  if (ref) return { what: `${ref[1]}: ${ref[2]}`, detail: message };
  const quoted = /^Failed to pull image "([^"]+)": (.*)$/.exec(message);
  if (quoted) return { what: `${quoted[1]}: ${quoted[2].replace(/^rpc error: code = \w+ desc = /, '')}`, detail: message };
  return { what: message.replace(/^Error: /, ''), detail: message };
}

/** Pure: what a FailedScheduling message says is short ("memory", "cpu and memory", "gpu"), or null. */
export function insufficient(message: string): string | null {
  const found = new Set<string>();
  for (const m of message.matchAll(/Insufficient ([\w./-]+)/g)) {
    const what = m[1].replace(/\.+$/, '');
    found.add(what === 'nvidia.com/gpu' ? 'gpu' : what);
  }
  if (found.size === 0) return null;
  return [...found].sort().join(' and ');
}

/**
 * Pure: why a Pending session waits. `events` null means the events view answered 404 (no pod):
 * queued, or preempted when it ran before (`requeued`). Otherwise the newest telling event decides:
 * an image that cannot be pulled, no node with room, a crash back-off, an image being pulled, a pod
 * starting, or else the newest event's reason and message.
 */
export function pendingReason(events: readonly SessionEvent[] | null, requeued: boolean): PendingReason {
  if (events === null) {
    return requeued
      ? { code: 'preempted', reason: PENDING_TEXT.preempted, detail: PENDING_TEXT.preemptedDetail }
      : { code: 'queued', reason: PENDING_TEXT.queued, detail: PENDING_TEXT.queuedDetail };
  }
  if (events.length === 0) return { code: 'unknown', reason: PENDING_TEXT.noEvents, detail: null };
  const ordered = eventsInOrder(events);
  const last = ordered[ordered.length - 1].event;
  const pulled = newest(ordered, (e) => e.reason === 'Pulled' || e.reason === 'Created' || e.reason === 'Started').index;
  const pullFailed = newest(ordered, isPullFailure);
  if (pullFailed.index > pulled) {
    const { what, detail } = pullProblem(ordered.slice(0, pullFailed.index + 1).map((t) => t.event));
    return { code: 'image-pull', reason: PENDING_TEXT.imagePull(what), detail };
  }
  const scheduled = newest(ordered, (e) => e.reason === 'Scheduled').index;
  const unschedulable = newest(ordered, (e) => e.reason === 'FailedScheduling');
  if (unschedulable.event && unschedulable.index > scheduled) {
    const what = insufficient(unschedulable.event.message);
    return {
      code: 'unschedulable',
      reason: what ? PENDING_TEXT.insufficient(what) : PENDING_TEXT.unschedulable,
      detail: firstLine(unschedulable.event.message),
    };
  }
  if (last.reason === 'BackOff' && last.message.startsWith('Back-off restarting')) {
    return { code: 'crash-backoff', reason: PENDING_TEXT.crashBackoff, detail: firstLine(last.message) };
  }
  if (last.reason === 'Pulling') return { code: 'pulling', reason: PENDING_TEXT.pulling, detail: firstLine(last.message) };
  if (last.reason === 'Scheduled') return { code: 'scheduled', reason: PENDING_TEXT.scheduled, detail: firstLine(last.message) };
  if (last.reason === 'Unhealthy' && last.message.startsWith('Readiness probe'))
    return { code: 'starting', reason: PENDING_TEXT.notReady, detail: firstLine(last.message) };
  if (['Pulled', 'Created', 'Started'].includes(last.reason)) return { code: 'starting', reason: PENDING_TEXT.starting, detail: firstLine(last.message) };
  const message = firstLine(last.message);
  return { code: 'event', reason: message ? `${last.reason}: ${message}` : last.reason, detail: null };
}
