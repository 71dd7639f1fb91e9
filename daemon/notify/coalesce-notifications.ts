import type { Notification, Urgency } from '../../src/state/state.js';

/** A notification before coalescing: its kind, and a short label (the session name) for a summary. */
export interface NotificationDraft extends Notification {
  kind: string;
  label: string;
}

/** More notifications of one kind than this, from one change, become a single summary. */
export const COALESCE_AFTER = 3;

/** The most characters of names a summary lists in its body. */
const SUMMARY_NAMES_CHARS = 400;

const SUMMARY_TITLES: Readonly<Record<string, (n: number) => string>> = {
  ready: (n) => `${n} sessions started`,
  'job-finished': (n) => `${n} jobs finished`,
  ended: (n) => `${n} sessions ended`,
  expired: (n) => `${n} sessions expired`,
  vanished: (n) => `${n} sessions vanished`,
  deleted: (n) => `${n} sessions deleted`,
  expiring: (n) => `${n} sessions expire soon`,
  added: (n) => `${n} sessions launched`,
  'launch-failed': (n) => `${n} launches failed`,
};

const RANK: Readonly<Record<Urgency, number>> = { low: 0, normal: 1, critical: 2 };

/** "a, b, c" for as many labels as fit in `budget` characters, then "…". */
function listLabels(labels: readonly string[], budget: number): string {
  let out = '';
  for (const label of labels) {
    const next = out === '' ? label : `${out}, ${label}`;
    if (next.length > budget) return out === '' ? '…' : `${out} …`;
    out = next;
  }
  return out;
}

function summary(kind: string, group: readonly NotificationDraft[]): Notification {
  const labels = group.map((d) => d.label);
  const title = (SUMMARY_TITLES[kind] ?? ((n: number) => `${n} notifications`))(group.length);
  const urgency = group.reduce<Urgency>((top, d) => (RANK[d.urgency] > RANK[top] ? d.urgency : top), 'low');
  return {
    // The first event's key names the summary: it is recorded like any other notification key.
    key: `summary:${kind}:${group[0].key}`,
    title: `${title}: ${listLabels(labels.slice(0, COALESCE_AFTER), 120)}${group.length > COALESCE_AFTER ? ' …' : ''}`,
    body: `${listLabels(labels, SUMMARY_NAMES_CHARS)} (${group.length} in all)`,
    urgency,
  };
}

/**
 * Pure: the notifications to show for one change: each draft as it is, except that a kind with more
 * than COALESCE_AFTER drafts becomes one summary ("300 sessions started: a, b, c …"), in place of
 * its first draft. A flood of sessions therefore costs a handful of desktop notifications.
 */
export function coalesceNotifications(drafts: readonly NotificationDraft[]): Notification[] {
  const byKind = new Map<string, NotificationDraft[]>();
  for (const d of drafts) {
    const group = byKind.get(d.kind);
    if (group) group.push(d);
    else byKind.set(d.kind, [d]);
  }
  const out: Notification[] = [];
  for (const d of drafts) {
    const group = byKind.get(d.kind)!;
    if (group.length <= COALESCE_AFTER) out.push(plain(d));
    else if (group[0] === d) out.push(summary(d.kind, group));
  }
  return out;
}

function plain(d: NotificationDraft): Notification {
  const n: Notification = { key: d.key, title: d.title, body: d.body, urgency: d.urgency };
  if (d.url) n.url = d.url;
  return n;
}
