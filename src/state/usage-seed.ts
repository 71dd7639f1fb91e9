// Accounts started from the 24-hour usage histories a history file of format 1 holds (written before
// the daemon kept accounts), so upgrading keeps the last day of accounting.

import { dictGet, emptyDict, type Dict } from '../domain/dict.js';
import type { Session } from '../domain/session.js';
import { gbToGiB } from '../domain/memory.js';
import { AccountHours, hourOf } from './account-hours.js';
import { amountsFor, MAX_SAMPLE_GAP_MS, type UsageAccount } from './usage-accounts.js';
import type { UsageHistory } from './usage.js';

/** Pure: accounts for the listed sessions that have a usage history: each point counts as the use since the point before it (at most MAX_SAMPLE_GAP_MS). */
export function accountsFromHistories(usage: Readonly<Record<string, UsageHistory>>, sessions: Readonly<Record<string, Session>>): Dict<UsageAccount> {
  const out = emptyDict<UsageAccount>();
  for (const id of Object.keys(usage)) {
    const session = dictGet(sessions, id);
    const points = usage[id].points();
    if (!session || points.length < 2) continue;
    let hours = AccountHours.EMPTY;
    for (let i = 1; i < points.length; i++) {
      const { t, cpu, ram } = points[i];
      const ms = Math.min(t - points[i - 1].t, MAX_SAMPLE_GAP_MS);
      // The point's mean use, with the session's requests as it is listed now.
      const sample: Session = { ...session, status: 'Running', cpu: { ...session.cpu, used: cpu }, ramGB: { ...session.ramGB, used: ram } };
      hours = hours.add(hourOf(t), amountsFor(sample, ms));
    }
    const first = points[0].t;
    const last = points[points.length - 1].t;
    out[id] = {
      name: session.name,
      kind: session.kind,
      status: session.status,
      fixed: session.fixed,
      cores: session.cpu.requested,
      ramGiB: session.ramGB.requested === null ? null : gbToGiB(session.ramGB.requested),
      gpus: session.gpus.requested,
      firstAt: first,
      lastAt: last,
      countedTo: session.status === 'Running' ? last : null,
      seenAt: last,
      gone: false,
      hours,
      days: AccountHours.EMPTY,
    };
  }
  return out;
}
