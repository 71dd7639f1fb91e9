// The words of the idle and storage notifications (rules.ts decides when they go out).

import { formatCores, formatNumber } from '../../src/cli/format.js';
import type { SessionIdleEvent, StorageHighEvent } from '../../src/state/events.js';

const GIB = 2 ** 30;

/** "notebook analysis idle for 6 h: 0.02 of 8 cores — d to delete", and how to act on it. */
export function idleDraftText(event: SessionIdleEvent, idleFor: string): { title: string; body: string } {
  const s = event.session;
  const use =
    event.requested !== null && s.fixed !== false
      ? `${formatCores(event.used)} of ${formatCores(event.requested)} cores`
      : `${formatCores(event.used)} cores (flexible)`;
  return {
    title: `${s.kind} ${s.name} idle for ${idleFor}: ${use} — d to delete`,
    body: `CPU under ${formatCores(event.threshold)} cores since ${new Date(event.since).toISOString()}; delete it with: skaha-tui delete ${s.id} (idle alerts: idle in the config)`,
  };
}

/** "Home storage 91% full", with the figures and what to do. */
export function storageDraftText(event: StorageHighEvent): { title: string; body: string } {
  const gib = (bytes: number) => formatNumber(bytes / GIB, 1);
  return {
    title: `Home storage ${Math.floor(event.percent)}% full`,
    body: `${gib(event.usedBytes)} of ${gib(event.quotaBytes)} GiB used; free some space before jobs fail to write (skaha-tui storage)`,
  };
}
