// `watch` output: pure functions from a daemon event to one line (human) or one JSON line.

import { terminalLine as line } from '../../domain/terminal-text.js';
import type { Session } from '../../domain/session.js';
import type { TopicEvent } from '../daemon-events.js';
import { DAEMON_EVENT_TYPES, secondsLeft } from '../../state/events.js';
import { formatCores, formatDuration, formatNumber, formatTimestamp } from '../format.js';
import { jsonLine } from '../json-output.js';
import { watchEventJson } from './watch-json.js';
import { causeText } from '../answer-text.js';
import { createStyle, type Style } from '../style.js';
import { WATCH_TEXT as T } from '../watch-text.js';

/** The topics `watch` prints: every daemon event (session, job, replica, credential, platform, launch), and warnings. */
export const WATCH_TOPICS: ReadonlySet<string> = new Set([...DAEMON_EVENT_TYPES, 'warning']);

const when = (ms: number) => formatTimestamp(new Date(ms).toISOString());

// The server's words in a session, each on one line with its controls as visible escapes.
const shown = (s: Session): Session => ({
  ...s,
  id: line(s.id),
  name: line(s.name),
  kind: line(s.kind),
  status: line(s.status),
  url: s.url === null ? null : line(s.url),
});

/** Pure: the text of an event without its timestamp (server words with controls as visible escapes), or null for topics `watch` does not print. */
export function eventText(event: TopicEvent, style: Style = createStyle(false)): string | null {
  switch (event.topic) {
    case 'session:added':
      return T.added(shown(event.data.session));
    case 'session:status-changed': {
      const text = T.statusChanged(shown(event.data.session), event.data.from === null ? null : line(event.data.from), style.status(line(event.data.to)));
      return event.data.failure ? `${text} — ${line(causeText(event.data.failure))}` : text;
    }
    case 'session:preempted':
      return T.preempted(shown(event.data.session));
    case 'session:removed':
      return T.removed(shown(event.data.session), line(event.data.reason));
    case 'session:expiring':
      return T.expiring(shown(event.data.session), formatDuration(secondsLeft(event.data) * 1000), formatTimestamp(event.data.expiresAt));
    case 'session:idle':
      return T.idle(
        shown(event.data.session),
        formatDuration(event.data.at - event.data.since),
        formatCores(event.data.used),
        formatCores(event.data.threshold),
      );
    case 'storage:high':
      return T.storageHigh(event.data.percent, formatNumber(event.data.usedBytes / 2 ** 30, 1), formatNumber(event.data.quotaBytes / 2 ** 30, 1));
    case 'job:finished':
      return T.jobFinished(shown(event.data.session), style.status(line(event.data.status)), event.data.failure ? line(causeText(event.data.failure)) : null);
    case 'replicas:summary':
      return T.replicas(line(event.data.base), event.data.total, event.data.completed, event.data.failed);
    case 'credentials:expiring':
      return T.credentialsExpiring(line(event.data.kind), formatDuration(secondsLeft(event.data) * 1000), formatTimestamp(event.data.expiresAt));
    case 'credentials:expired':
      return T.credentialsExpired(line(event.data.kind), formatTimestamp(event.data.expiresAt));
    case 'platform:down':
      return T.platformDown(when(event.data.since), event.data.error ? line(event.data.error.message) : null);
    case 'platform:recovered':
      return T.platformRecovered(when(event.data.downSince));
    case 'launch:failed':
      return T.launchFailed(line(event.data.name), event.data.failed, event.data.total, line(event.data.error.message));
    case 'warning':
      return T.warning(line(event.data.message));
    default:
      return null;
  }
}

/** Pure: one `watch` line: "TIME  text" for people, `{"topic","data"}` with --json; null for topics not printed. */
export function watchLine(event: TopicEvent, json: boolean, now: number, style: Style = createStyle(false)): string | null {
  if (!WATCH_TOPICS.has(event.topic)) return null;
  if (json) return jsonLine(watchEventJson(event));
  const text = eventText(event, style);
  if (text === null) return null;
  const at = 'at' in event.data && typeof event.data.at === 'number' ? event.data.at : now;
  return `${style.dim(when(at))}  ${text}\n`;
}
