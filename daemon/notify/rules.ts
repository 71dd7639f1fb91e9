import { secondsLeft, type DaemonEvent } from '../../src/state/events.js';
import { plural } from '../../src/domain/plural.js';
import type { Notification, Urgency } from '../../src/state/state.js';
import { isAuthFailure } from '../../src/state/health.js';
import { coalesceNotifications, type NotificationDraft } from './coalesce-notifications.js';
import { credentialRenewHint } from '../../src/state/credential-events.js';
import { causeText } from '../../src/cli/answer-text.js';
import { idleDraftText, storageDraftText } from './usage-texts.js';

/** The kinds of notification a user can switch on or off. */
export const NOTIFICATION_KINDS = [
  'ready',
  'job-finished',
  'ended',
  'preempted',
  'expired',
  'vanished',
  'deleted',
  'expiring',
  'credentials',
  'platform',
  'launch-failed',
  'added',
  'idle',
  'storage',
] as const;

/** One notification kind. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Notification settings from the config: per-kind switches and a quiet switch that silences all. */
export interface NotificationConfig {
  quiet?: boolean;
  kinds?: Partial<Record<NotificationKind, boolean>>;
}

/** Which kinds notify when the config says nothing (the default rules). */
export const DEFAULT_NOTIFICATION_KINDS: Readonly<Record<NotificationKind, boolean>> = {
  ready: true,
  'job-finished': true,
  ended: true,
  preempted: true,
  expired: true,
  vanished: true,
  deleted: false,
  expiring: true,
  credentials: true,
  platform: true,
  'launch-failed': true,
  added: false,
  idle: true,
  storage: true,
};

type Draft = { kind: NotificationKind; title: string; body: string; urgency: Urgency; url?: string | null };

function draft(kind: NotificationKind, title: string, body: string, urgency: Urgency, url?: string | null): Draft {
  return { kind, title, body, urgency, url };
}

/** What a summary lists for an event: the session's name (its id when it has none), else the title. */
function labelOf(event: DaemonEvent, d: Draft): string {
  if ('session' in event) return event.session.name || event.session.id;
  if (event.type === 'replicas:summary') return event.base;
  if (event.type === 'launch:failed') return event.name;
  return d.title;
}

/** A duration in seconds as short text: "45 s", "10 min", "1 h", "3 days". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h`;
  return plural(Math.round(seconds / 86400), 'day');
}

const FINISHED = ['Completed', 'Succeeded', 'Failed', 'Error'];

function statusDraft(event: Extract<DaemonEvent, { type: 'session:status-changed' }>): Draft | null {
  const s = event.session;
  if (event.to === 'Running' && s.kind !== 'headless') return draft('ready', `Session ${s.name} is ready`, s.url ?? `${s.kind} ${s.image}`, 'normal', s.url);
  if (s.kind === 'headless' || !FINISHED.includes(event.to)) return null;
  // Interactive sessions end as Failed when they reach expiresAt: call that what it is.
  const expired = event.failure ? event.failure.code === 'expired' : s.expiresAt !== null && Date.parse(s.expiresAt) <= event.at + 60_000;
  if (expired) return draft('expired', `Session ${s.name} expired`, `${s.kind} session reached its expiry time`, 'normal');
  const body = event.failure ? `failed: ${causeText(event.failure)}` : `${s.kind} ${s.image}`;
  return draft('ended', `Session ${s.name} ended (${event.to})`, body, 'normal');
}

function sessionDraft(event: DaemonEvent): Draft | null {
  switch (event.type) {
    case 'session:added':
      return draft('added', `Session ${event.session.name} launched`, `${event.session.kind} ${event.session.image}`, 'low');
    case 'session:status-changed':
      return statusDraft(event);
    case 'session:preempted':
      return draft('preempted', `Session ${event.session.name} was preempted`, 'preempted — queued again by Kueue; it runs again once admitted', 'normal');
    case 'session:removed': {
      const name = event.session.name;
      if (event.reason === 'expired') return draft('expired', `Session ${name} expired`, 'it is no longer listed', 'normal');
      if (event.reason === 'deleted') return draft('deleted', `Session ${name} deleted`, event.session.id, 'low');
      if (event.reason !== 'vanished') return null;
      return draft('vanished', `Session ${name} vanished`, 'it left the listing before its expiry; check the platform', 'critical');
    }
    case 'session:expiring': {
      // The title says the time really left; the threshold that fired is named as such.
      const title = `Session ${event.session.name} expires in ${formatDuration(secondsLeft(event))}`;
      const body = `at ${event.expiresAt} (the ${formatDuration(event.thresholdSec)} warning); renew it with: skaha-tui renew ${event.session.id}`;
      return draft('expiring', title, body, event.thresholdSec <= 600 ? 'critical' : 'normal', event.session.url);
    }
    case 'session:idle': {
      const { title, body } = idleDraftText(event, formatDuration((event.at - event.since) / 1000));
      return draft('idle', title, body, 'normal');
    }
    default:
      return null;
  }
}

function jobDraft(event: DaemonEvent): Draft | null {
  if (event.type === 'job:finished') {
    const ok = event.status === 'Completed' || event.status === 'Succeeded';
    const body = !ok && event.failure ? `${event.status}: ${causeText(event.failure)}` : `status ${event.status}`;
    return draft('job-finished', `Job ${event.session.name} ${ok ? 'completed' : 'failed'}`, body, ok ? 'normal' : 'critical');
  }
  if (event.type === 'replicas:summary') {
    const failed = event.failed > 0 ? `, ${event.failed} failed` : '';
    const title = `${event.base}: ${event.completed}/${event.total} jobs completed${failed}`;
    return draft('job-finished', title, `${event.ids.length} replicas finished`, event.failed > 0 ? 'critical' : 'normal');
  }
  if (event.type === 'launch:failed') {
    const what = event.total > 1 ? `${event.failed}/${event.total} replicas failed: ` : '';
    return draft('launch-failed', `Launch of ${event.name} failed`, `${what}${event.error.message}`, 'critical');
  }
  return null;
}

function platformDraft(event: DaemonEvent): Draft | null {
  switch (event.type) {
    case 'credentials:expiring': {
      const title = `Your ${event.kind} expires in ${formatDuration(secondsLeft(event))}`;
      const body = `it expires at ${event.expiresAt} (the ${formatDuration(event.thresholdSec)} warning); ${credentialRenewHint(event.kind)}`;
      return draft('credentials', title, body, event.thresholdSec <= 3600 ? 'critical' : 'normal');
    }
    case 'credentials:expired':
      return draft('credentials', `Your ${event.kind} has expired`, `it expired at ${event.expiresAt}; ${credentialRenewHint(event.kind)}`, 'critical');
    case 'platform:down': {
      const title = isAuthFailure(event.error) ? 'Skaha refuses your credentials' : 'Skaha is unreachable';
      return draft('platform', title, event.error?.message ?? 'session polls keep failing', 'critical');
    }
    case 'platform:recovered':
      return draft('platform', 'Skaha is reachable again', `down since ${new Date(event.downSince).toISOString()}`, 'low');
    case 'storage:high': {
      const { title, body } = storageDraftText(event);
      return draft('storage', title, body, 'critical');
    }
    default:
      return null;
  }
}

function toDraft(event: DaemonEvent): Draft | null {
  return sessionDraft(event) ?? jobDraft(event) ?? platformDraft(event);
}

/** Pure: the notification kind an event maps to, or null when no rule covers it. */
export function notificationKind(event: DaemonEvent): NotificationKind | null {
  return toDraft(event)?.kind ?? null;
}

/** Whether a kind is enabled under a config. */
export function isKindEnabled(kind: NotificationKind, config: NotificationConfig = {}): boolean {
  return !config.quiet && (config.kinds?.[kind] ?? DEFAULT_NOTIFICATION_KINDS[kind]);
}

/**
 * Pure: the notifications for a batch of events under a config; each keeps its event's key, except
 * that many of one kind become one summary (see coalesceNotifications).
 */
export function notificationsFor(events: readonly DaemonEvent[], config: NotificationConfig = {}): Notification[] {
  const drafts: NotificationDraft[] = [];
  for (const event of events) {
    const d = toDraft(event);
    if (!d || !isKindEnabled(d.kind, config)) continue;
    const draft: NotificationDraft = { key: event.key, kind: d.kind, label: labelOf(event, d), title: d.title, body: d.body, urgency: d.urgency };
    if (d.url) draft.url = d.url;
    drafts.push(draft);
  }
  return coalesceNotifications(drafts);
}
