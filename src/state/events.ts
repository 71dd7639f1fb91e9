import type { Session } from '../domain/session.js';
import type { ErrorJson } from '../domain/errors.js';
import type { FailureInfo } from './insight.js';

/** Why a session left the listing. */
export type RemovalReason = 'deleted' | 'expired' | 'vanished' | 'cleaned-up';

interface EventBase {
  /** Stable dedupe key: the same real-world change always yields the same key. */
  key: string;
  /** Epoch ms when the change was observed. */
  at: number;
}

/** A session appeared in the listing. */
export interface SessionAddedEvent extends EventBase {
  type: 'session:added';
  session: Session;
}

/** A session's status changed (`from` is null when first seen already past Pending). */
export interface SessionStatusChangedEvent extends EventBase {
  type: 'session:status-changed';
  session: Session;
  from: string | null;
  to: string;
  /** Why it failed, when it turned Failed (seen in its events, or inferred). */
  failure?: FailureInfo | null;
}

/** A Running session went back to Pending with no pod: Kueue preempted it and queued it again. */
export interface SessionPreemptedEvent extends EventBase {
  type: 'session:preempted';
  session: Session;
  /** When it was seen Pending again (epoch ms). */
  since: number;
}

/** A Running session's CPU use stayed under the idle threshold long enough (said once per idle spell). */
export interface SessionIdleEvent extends EventBase {
  type: 'session:idle';
  session: Session;
  /** When its use dropped under the threshold (epoch ms). */
  since: number;
  /** Cores in use and requested (requested null for a flexible session); the threshold in cores. */
  used: number | null;
  requested: number | null;
  threshold: number;
}

/** Home storage use crossed the alert level (90 % of the quota). */
export interface StorageHighEvent extends EventBase {
  type: 'storage:high';
  usedBytes: number;
  quotaBytes: number;
  /** Use as a percentage of the quota. */
  percent: number;
}

/** A session left the listing. */
export interface SessionRemovedEvent extends EventBase {
  type: 'session:removed';
  session: Session;
  reason: RemovalReason;
}

/** An interactive session came within `thresholdSec` of its expiry. */
export interface SessionExpiringEvent extends EventBase {
  type: 'session:expiring';
  session: Session;
  thresholdSec: number;
  expiresAt: string;
}

/** A headless job finished (Completed, Failed, or a legacy finished status). */
export interface JobFinishedEvent extends EventBase {
  type: 'job:finished';
  session: Session;
  status: string;
  /** Why it failed, when it failed (seen in its events, or inferred). */
  failure?: FailureInfo | null;
}

/** A whole group of replicas launched together finished. */
export interface ReplicasSummaryEvent extends EventBase {
  type: 'replicas:summary';
  base: string;
  total: number;
  completed: number;
  failed: number;
  ids: string[];
}

/** The credential comes within `thresholdSec` of expiry. */
export interface CredentialsExpiringEvent extends EventBase {
  type: 'credentials:expiring';
  kind: string;
  expiresAt: string;
  thresholdSec: number;
}

/** The credential has expired. */
export interface CredentialsExpiredEvent extends EventBase {
  type: 'credentials:expired';
  kind: string;
  expiresAt: string;
}

/** Session polls have failed long enough (or with an auth error) to call the platform down. */
export interface PlatformDownEvent extends EventBase {
  type: 'platform:down';
  since: number;
  error: ErrorJson | null;
}

/** The platform answers again after being down. */
export interface PlatformRecoveredEvent extends EventBase {
  type: 'platform:recovered';
  downSince: number;
}

/** A launch failed as a whole or for some replicas. */
export interface LaunchFailedEvent extends EventBase {
  type: 'launch:failed';
  launchId: string;
  name: string;
  failed: number;
  total: number;
  error: ErrorJson;
}

/** Every change the daemon reports; `type` doubles as the websocket event topic. */
export type DaemonEvent =
  | SessionAddedEvent
  | SessionStatusChangedEvent
  | SessionPreemptedEvent
  | SessionRemovedEvent
  | SessionExpiringEvent
  | SessionIdleEvent
  | JobFinishedEvent
  | ReplicasSummaryEvent
  | CredentialsExpiringEvent
  | CredentialsExpiredEvent
  | PlatformDownEvent
  | PlatformRecoveredEvent
  | StorageHighEvent
  | LaunchFailedEvent;

/** Every event type, in one list (used by guards and the protocol). */
export const DAEMON_EVENT_TYPES = [
  'session:added',
  'session:status-changed',
  'session:preempted',
  'session:removed',
  'session:expiring',
  'session:idle',
  'job:finished',
  'replicas:summary',
  'credentials:expiring',
  'credentials:expired',
  'platform:down',
  'platform:recovered',
  'storage:high',
  'launch:failed',
] as const satisfies readonly DaemonEvent['type'][];

/** One event type. */
export type DaemonEventType = DaemonEvent['type'];

/** Key prefixes of level-triggered events: derived again on every poll while their condition holds. */
export const LEVEL_KEY_PREFIXES: readonly string[] = ['expiring:', 'credentials:'];

/** Whether a key belongs to a level-triggered event (forgetting it would report the event again). */
export function isLevelKey(key: string): boolean {
  return LEVEL_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Pure: drops events whose key was already emitted (own keys only), and duplicates within the batch. */
export function newEvents<E extends { key: string }>(events: readonly E[], emitted: Readonly<Record<string, number>>): E[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    if (Object.hasOwn(emitted, event.key) || seen.has(event.key)) return false;
    seen.add(event.key);
    return true;
  });
}

/**
 * Pure: how long was left, in seconds, when an expiry warning fired: its `expiresAt` minus when it was
 * observed (a poll may see it well inside the threshold: 53 s left of a 10-minute warning). The
 * threshold itself when `expiresAt` cannot be read.
 */
export function secondsLeft(event: Pick<SessionExpiringEvent | CredentialsExpiringEvent, 'expiresAt' | 'at' | 'thresholdSec'>): number {
  const at = Date.parse(event.expiresAt);
  return Number.isNaN(at) ? event.thresholdSec : Math.max(0, (at - event.at) / 1000);
}
