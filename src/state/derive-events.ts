import type { DaemonEvent } from './events.js';
import { newEvents } from './events.js';
import type { DaemonState } from './state.js';
import { diffSessions } from './diff.js';
import { credentialEvents } from './credential-events.js';
import { healthEvents, launchEvents } from './platform-events.js';
import { summariseReplicaEvents } from './replicas.js';

/** Options for deriveEvents. */
export interface DeriveOptions {
  /** Epoch ms of the change (the action's `at`). */
  now: number;
  expiringThresholdsSec?: readonly number[];
  credentialThresholdsSec?: readonly number[];
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
    events.push(
      ...diffSessions(prev.sessions, next.sessions, {
        now,
        expiringThresholdsSec: options.expiringThresholdsSec,
        deletes: next.deletes,
        baseline: prev.lastPollAt === null,
      }),
    );
  }
  events.push(...credentialEvents(next.credentials, now, options.credentialThresholdsSec));
  events.push(...healthEvents(prev.health, next.health, now));
  events.push(...launchEvents(prev.launches, next.launches, now));
  return newEvents(summariseReplicaEvents(events, next.sessions, next.launches), next.emitted);
}
