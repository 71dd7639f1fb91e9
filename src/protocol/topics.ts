import { DAEMON_EVENT_TYPES, type DaemonEvent } from '../state/events.js';
import type { DaemonState, Health, NotificationRecord } from '../state/state.js';
import { arrayOf, bool, num, object, oneOf, optional, str, type Check } from './check.js';
import { patchProblem, type StatePatch } from './patch.js';
import { healthCheck, notificationCheck, stateProblem } from './state-check.js';

/** Every topic the daemon pushes: state sync, session/platform events, notifications, logs, warnings. */
export const EVENT_TOPICS = [
  'state:snapshot',
  'state:patch',
  ...DAEMON_EVENT_TYPES,
  'notification',
  'logs:reset',
  'logs:append',
  'health:changed',
  'warning',
] as const;

/** One pushed-event topic. */
export type EventTopic = (typeof EVENT_TOPICS)[number];

/** Log lines for a subscribed session. */
export interface LogLines {
  sessionId: string;
  lines: string[];
  /** On logs:reset: the daemon's buffer dropped older lines (it keeps the last 10,000). */
  truncated?: boolean;
}

/** A non-fatal problem worth showing (e.g. an invalid config file kept the old config). */
export interface Warning {
  code: string;
  message: string;
}

/** The data of each topic. */
export type TopicData = {
  'state:snapshot': DaemonState;
  'state:patch': StatePatch;
  notification: NotificationRecord;
  'logs:reset': LogLines;
  'logs:append': LogLines;
  'health:changed': Health;
  warning: Warning;
} & { [T in DaemonEvent['type']]: Extract<DaemonEvent, { type: T }> };

const logLines = object({ sessionId: str(1, 200), lines: arrayOf(str()), truncated: optional(bool) }, true);

function daemonEventCheck(topic: string): Check {
  return object({ type: oneOf([topic]), key: str(1, 1000), at: num() });
}

/** The data check of each topic (exact for small payloads, structural for state). */
export const TOPIC_CHECKS: Record<EventTopic, Check> = {
  'state:snapshot': (v, p) => stateProblem(v, p),
  'state:patch': (v, p) => patchProblem(v, p),
  ...(Object.fromEntries(DAEMON_EVENT_TYPES.map((t) => [t, daemonEventCheck(t)])) as Record<DaemonEvent['type'], Check>),
  notification: (v, p) => notificationCheck(v, p) ?? object({ at: num() })(v, p),
  'logs:reset': logLines,
  'logs:append': logLines,
  'health:changed': healthCheck,
  warning: object({ code: str(1, 100), message: str(0, 10_000) }),
};

/** Whether a string names an event topic. */
export function isEventTopic(value: unknown): value is EventTopic {
  return (EVENT_TOPICS as readonly unknown[]).includes(value);
}
