// `watch --json`: each daemon event as the documented JSON line, times as ISO-8601 UTC like every
// other --json output (the daemon sends epoch milliseconds).

import type { Session } from '../../domain/session.js';
import type { TopicEvent } from '../daemon-events.js';
import { sessionJson } from '../json-output.js';

/** Fields of daemon events that hold epoch milliseconds. */
const EPOCH_FIELDS: ReadonlySet<string> = new Set(['at', 'since', 'downSince']);

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** Pure: an event's data as `watch --json` prints it: epoch times as ISO-8601 UTC, a session as `ps --json` prints one. */
export function watchEventJson(event: TopicEvent): { topic: string; data: unknown } {
  const data = event.data as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (EPOCH_FIELDS.has(key) && typeof value === 'number' && Number.isFinite(value)) out[key] = iso(value);
    else if (key === 'session' && value && typeof value === 'object') out[key] = sessionJson(value as Session);
    else out[key] = value;
  }
  return { topic: event.topic, data: out };
}
