import { dictGet } from '../domain/dict.js';
import type { DaemonEvent } from './events.js';
import { newEvents } from './events.js';
import type { DaemonState } from './state.js';
import { diffSessions } from './diff.js';
import { credentialEvents } from './credential-events.js';
import { healthEvents, launchEvents } from './platform-events.js';
import { summariseReplicaEvents } from './replicas.js';
import { idleEvents } from './idle.js';
import { storageEvents } from './storage.js';

/** Options for deriveEvents. */
export interface DeriveOptions {
  /** Epoch ms of the change (the action's `at`). */
  now: number;
  expiringThresholdsSec?: readonly number[];
  credentialThresholdsSec?: readonly number[];
}

/** Pure: session:preempted for each session whose pending reason just became "preempted". */
export function preemptionEvents(prev: DaemonState, next: DaemonState, now: number): DaemonEvent[] {
  const events: DaemonEvent[] = [];
  for (const id of Object.keys(next.insights)) {
    const pending = next.insights[id].pending;
    const session = dictGet(next.sessions, id);
    if (!session || pending?.code !== 'preempted' || dictGet(prev.insights, id)?.pending?.code === 'preempted') continue;
    events.push({ type: 'session:preempted', key: `preempted:${id}:${pending.since}`, at: now, session, since: pending.since });
  }
  return events;
}

/** Pure: the events with the failure cause of a session that turned Failed attached (for notifications and hooks). */
function withFailures(events: DaemonEvent[], next: DaemonState): DaemonEvent[] {
  return events.map((event) => {
    if (event.type !== 'job:finished' && event.type !== 'session:status-changed') return event;
    const failure = dictGet(next.insights, event.session.id)?.failure ?? null;
    return failure ? { ...event, failure } : event;
  });
}

/**
 * Pure: every not-yet-emitted event between two states (sessions diff on a new poll, credentials,
 * health, launches; replicas summarised). Record the keys with `events.emitted` afterwards.
 * Diffing the persisted snapshot against the first poll after a restart reports what changed
 * while the daemon was down exactly once.
 */
export function deriveEvents(prev: DaemonState, next: DaemonState, options: DeriveOptions): DaemonEvent[] {
  const { now } = options;
  const events: DaemonEvent[] = [];
  if (next.lastPollAt !== null && next.lastPollAt !== prev.lastPollAt) {
    const diff = diffSessions(prev.sessions, next.sessions, {
      now,
      expiringThresholdsSec: options.expiringThresholdsSec,
      deletes: next.deletes,
      baseline: prev.lastPollAt === null,
    });
    events.push(...withFailures(diff, next));
  }
  if (next.insights !== prev.insights) events.push(...preemptionEvents(prev, next, now), ...idleEvents(prev, next, now));
  if (next.storage !== prev.storage) events.push(...storageEvents(prev.storage, next.storage, now));
  events.push(...credentialEvents(next.credentials, now, options.credentialThresholdsSec));
  events.push(...healthEvents(prev.health, next.health, now));
  events.push(...launchEvents(prev.launches, next.launches, now));
  return newEvents(summariseReplicaEvents(events, next.sessions, next.launches), next.emitted);
}
