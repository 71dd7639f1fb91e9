// A daemon state as a daemon holds it after a day of polling, built with the product's own reducer and
// append functions (no 24 h of waiting): the input of the memory case and of the day-old poll cost.
import { createConnection } from '../../src/config/create-connection.js';
import { SkahaClient } from '../../src/client/skaha-client.js';
import type { PlatformStats } from '../../src/domain/platform.js';
import type { Session } from '../../src/domain/session.js';
import { reduce } from '../../src/state/reduce.js';
import { initialState, type DaemonState } from '../../src/state/state.js';
import { Series } from '../../src/state/series.js';
import { appendStats, appendUsage, USAGE_KIND, type StatsHistory, type UsageHistory } from '../../src/state/usage.js';
import { encodeHistories } from '../../daemon/store/history-codec.js';
import { serialiseState } from '../../daemon/store/state-file-text.js';
import type { SimTarget } from './sim-target.js';

const DAY_MS = 24 * 3600_000;

/** Pure: a smooth, deterministic value in [0, 1) for sample `k` of series `seed`. */
export function wave(seed: number, k: number): number {
  return 0.5 + 0.45 * Math.sin(seed * 1.7 + k / 37) * Math.cos(seed * 0.3 + k / 211);
}

/**
 * Pure: one session's usage over the day before `now`, sampled every `pollMs` through appendUsage,
 * so its tiers hold exactly what a daemon polling that often would keep.
 */
export function dayOfUsage(now: number, pollMs: number, seed = 1): UsageHistory {
  let history: UsageHistory | undefined;
  for (let t = now - DAY_MS, k = 0; t <= now; t += pollMs, k++) {
    history = appendUsage(history, { t, cpu: 4 * wave(seed, k), ram: 16 * wave(seed + 1, k) }, t);
  }
  return history!;
}

/** Pure: a copy of `history` with every value scaled (its own storage: nothing is shared between sessions). */
export function scaledCopy(history: UsageHistory, factor: number): UsageHistory {
  const scale = (v: number | null) => (v === null ? null : v * factor);
  return Series.fromTierPoints(
    USAGE_KIND,
    history.tierPoints().map((tier) => tier.map((p) => ({ ...p, cpu: scale(p.cpu), ram: scale(p.ram) }))),
  );
}

/** Pure: the platform stats over the day before `now`, sampled every `statsMs` through appendStats. */
export function dayOfStats(now: number, statsMs: number, stats: PlatformStats): StatsHistory {
  let history: StatsHistory | undefined;
  for (let t = now - DAY_MS, k = 0; t <= now; t += statsMs, k++) {
    const cpuAllocated = (stats.cpu.allocated ?? 0) * (0.5 + wave(7, k));
    const ramAllocated = (stats.ramGB.allocated ?? 0) * (0.5 + wave(8, k));
    history = appendStats(history, { t, cpuAllocated, cpuCapacity: stats.cpu.capacity, ramAllocated, ramCapacity: stats.ramGB.capacity }, t);
  }
  return history!;
}

/**
 * Pure: the state after polling `sessions` every `pollMs` (and stats every `statsMs`) for 24 h: the
 * sessions through the reducer, one day of usage per session (one appendUsage series, copied with
 * other values per session), and the stats history.
 */
export function dayOldState(sessions: readonly Session[], stats: PlatformStats, now: number, pollMs = 15_000, statsMs = 60_000): DaemonState {
  let state = reduce(initialState(), { type: 'poll.succeeded', sessions: [...sessions], at: now });
  state = reduce(state, { type: 'stats.succeeded', stats, at: now });
  const template = dayOfUsage(now, pollMs);
  const usage: Record<string, UsageHistory> = {};
  sessions.forEach((s, i) => (usage[s.id] = scaledCopy(template, 0.2 + ((i * 37) % 100) / 100)));
  return { ...state, usage, statsHistory: dayOfStats(now, statsMs, stats) };
}

/** Reads the simulator's sessions and stats through the product's client, and builds the day-old state. */
export async function dayOldStateFrom(sim: SimTarget, pollMs?: number): Promise<DaemonState> {
  const client = new SkahaClient(createConnection({ url: sim.baseUrl, token: sim.token }));
  try {
    const [sessions, stats] = await Promise.all([client.listSessions(), client.getStats()]);
    return dayOldState(sessions, stats, Date.now(), pollMs);
  } finally {
    await client.close();
  }
}

/** What a daemon that held `state` leaves on disk: the state file's text and the history file's bytes. */
export interface PersistedState {
  stateText: string;
  historyBytes: Buffer;
}

/** Pure: the files a daemon persists for `state`, written the way its store writes them. */
export function persistedState(state: DaemonState): PersistedState {
  return {
    stateText: serialiseState(state),
    historyBytes: encodeHistories({ usage: state.usage, statsHistory: state.statsHistory, accounts: state.accounts }),
  };
}
