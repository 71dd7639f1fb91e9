import { containerName, nodeName, podIp, podName, WORKLOAD_NAMESPACE } from './k8s-names.js';
import { containerStartAt, isInteractive, LIFETIMES, scaledMs } from './lifecycle.js';
import { pick } from './random.js';
import type { SimSession } from './types.js';
import { k8sTime } from './wire-format.js';

/** One Kubernetes event of a session's pod; `first`/`last` undefined print as `<none>`. */
export interface PodEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** When it appears (simulated epoch ms). */
  at: number;
  first?: number;
  last?: number;
}

/** The pod's events at `now`, in creation order; events older than the event TTL are gone. */
export function podEventsAt(s: SimSession, now: number, seed: number, speed: number): PodEvent[] {
  const pending = s.readyAt - s.createdAt;
  const scheduledAt = s.createdAt + pending * 0.1;
  const pullingAt = s.createdAt + pending * 0.2;
  const pulledAt = s.createdAt + pending * 0.7;
  const createdAt = s.createdAt + pending * 0.8;
  const startedAt = containerStartAt(s);
  const container = containerName(s);
  const pullSeconds = ((pulledAt - pullingAt) * speed) / 1000;
  const size = pick(800_000_000, 6_000_000_000, seed, s.id, 'image-size');
  const all: PodEvent[] = [
    {
      type: 'Normal',
      reason: 'Scheduled',
      // the scheduler writes events.k8s.io events, whose legacy timestamps are empty
      message: `Successfully assigned ${WORKLOAD_NAMESPACE}/${podName(s, seed)} to ${nodeName(s, seed)}`,
      at: scheduledAt,
    },
  ];
  all.push(at('Normal', 'Pulling', `Pulling image "${s.image}"`, pullingAt));
  const took = `${pullSeconds.toFixed(3)}s`;
  all.push(at('Normal', 'Pulled', `Successfully pulled image "${s.image}" in ${took} (${took} including waiting). Image size: ${size} bytes.`, pulledAt));
  all.push(at('Normal', 'Created', `Created container: ${container}`, createdAt));
  all.push(at('Normal', 'Started', `Started container ${container}`, startedAt));
  if (isInteractive(s) && s.readyAt - startedAt >= 1000) {
    const probe = `Readiness probe failed: Get "http://${podIp(s, seed)}:8888/": dial tcp ${podIp(s, seed)}:8888: connect: connection refused`;
    all.push({ type: 'Warning', reason: 'Unhealthy', message: probe, at: startedAt + 500, first: startedAt + 500, last: s.readyAt - 500 });
  }
  if (s.terminatingUntil !== undefined && s.deletedAt !== undefined) {
    all.push(at('Normal', 'Killing', `Stopping container ${container}`, s.deletedAt));
  }
  const ttl = scaledMs(LIFETIMES.eventTtl, speed);
  return all.filter((e) => e.at <= now && now - (e.last ?? e.at) < ttl).map((e) => clampLast(e, now));
}

function at(type: PodEvent['type'], reason: string, message: string, time: number): PodEvent {
  return { type, reason, message, at: time, first: time, last: time };
}

function clampLast(e: PodEvent, now: number): PodEvent {
  return e.last !== undefined && e.last > now ? { ...e, last: now } : e;
}

/** Renders events like `kubectl get events -o custom-columns=…`: tabwriter-aligned, `<none>\n` when empty. */
export function eventsTable(events: PodEvent[]): string {
  if (events.length === 0) return '<none>\n';
  const time = (ms: number | undefined): string => (ms === undefined ? '<none>' : k8sTime(ms));
  const rows = [
    ['TYPE', 'REASON', 'MESSAGE', 'FIRST-TIME', 'LAST-TIME'],
    ...events.map((e) => [e.type, e.reason, e.message, time(e.first), time(e.last)]),
  ];
  // kubectl's tabwriter: minwidth 10, padding 3; the last column is not padded
  const widths = rows[0].map((_, c) => Math.max(10, ...rows.map((r) => r[c].length + 3)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('')).join('\n') + '\n';
}
