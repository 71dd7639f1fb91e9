import type { DaemonState } from '../../src/state/state.js';
import { sanitiseLaunchRequest } from '../../src/state/launches.js';

/**
 * The exact text the state file holds: the state without its histories and usage accounts (they have their own file)
 * and with launch requests sanitised again (no secret can reach disk).
 */
export function serialiseState(state: DaemonState): string {
  const { usage: _usage, statsHistory: _stats, accounts: _accounts, ...rest } = state;
  return JSON.stringify({ ...rest, launches: state.launches.map((l) => ({ ...l, request: sanitiseLaunchRequest(l.request) })) });
}

/** Fields every poll changes, refreshed by the next poll after a restart: their changes can wait to be written. */
const VOLATILE_FIELDS: ReadonlySet<keyof DaemonState> = new Set([
  'sessions',
  'usage',
  'accounts',
  'storage',
  'statsHistory',
  'stats',
  'health',
  'lastPollAt',
  'lastStatsAt',
]);

/** Whether `next` changed anything but the volatile fields since `prev` (compared by reference: the reducer keeps unchanged fields). */
export function hasLastingChange(prev: DaemonState, next: DaemonState): boolean {
  for (const key of Object.keys(next) as (keyof DaemonState)[]) if (!VOLATILE_FIELDS.has(key) && prev[key] !== next[key]) return true;
  return false;
}
