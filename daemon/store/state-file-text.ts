import type { DaemonState } from '../../src/state/state.js';
import type { SessionInsight } from '../../src/state/insight.js';
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

/** The parts of an insight that are lasting: all but its idle spell, which CPU use moves in and out of on any poll. */
const LASTING_INSIGHT_FIELDS = ['pending', 'failure', 'clue', 'renew'] as const;

/** Whether any session's insight changed more than its idle spell (compared by reference: the reducer keeps unchanged parts). */
function lastingInsightChange(prev: Readonly<Record<string, SessionInsight>>, next: Readonly<Record<string, SessionInsight>>): boolean {
  const changed = (a: SessionInsight | undefined, b: SessionInsight | undefined) =>
    a !== b && LASTING_INSIGHT_FIELDS.some((field) => (a?.[field] ?? null) !== (b?.[field] ?? null));
  for (const id of Object.keys(next)) if (changed(Object.hasOwn(prev, id) ? prev[id] : undefined, next[id])) return true;
  for (const id of Object.keys(prev)) if (!Object.hasOwn(next, id) && changed(prev[id], undefined)) return true;
  return false;
}

/** Whether `next` changed anything but the volatile fields since `prev` (compared by reference: the reducer keeps unchanged fields). */
export function hasLastingChange(prev: DaemonState, next: DaemonState): boolean {
  for (const key of Object.keys(next) as (keyof DaemonState)[]) {
    if (VOLATILE_FIELDS.has(key) || prev[key] === next[key]) continue;
    if (key !== 'insights' || lastingInsightChange(prev.insights, next.insights)) return true;
  }
  return false;
}
