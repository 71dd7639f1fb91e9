import { initialState, type DaemonState } from '../../../src/state/state.js';
import type { Session } from '../../../src/domain/session.js';
import { appendStats, appendUsage } from '../../../src/state/usage.js';
import { makeSession, minutesFromT0, T0 } from '../../helpers/builders.js';

/** A healthy daemon state holding `sessions`, with stats, context and credentials. */
export function stateWith(sessions: Session[], overrides: Partial<DaemonState> = {}): DaemonState {
  const base = initialState();
  let statsHistory = base.statsHistory;
  for (let i = 0; i < 30; i++)
    statsHistory = appendStats(statsHistory, {
      t: T0 - (30 - i) * 60_000,
      cpuAllocated: 500 + i * 10,
      cpuCapacity: 1000,
      ramAllocated: 2000 + i * 20,
      ramCapacity: 8000,
    });
  const usage: DaemonState['usage'] = {};
  for (const s of sessions) {
    let h = undefined as DaemonState['usage'][string] | undefined;
    for (let i = 0; i < 20; i++) h = appendUsage(h, { t: T0 - (20 - i) * 30_000, cpu: (i % 5) * 0.3, ram: 1 + i * 0.05 });
    usage[s.id] = h!;
  }
  return {
    ...base,
    sessions: Object.fromEntries(sessions.map((s) => [s.id, s])),
    usage,
    stats: { cpu: { allocated: 800, capacity: 1000, maxPerSession: 16 }, ramGB: { allocated: 2600, capacity: 8000, maxPerSession: 192 } },
    statsHistory,
    health: { state: 'ok', since: T0 - 3600_000, lastError: null, lastSuccessAt: T0, failingSince: null, statsFailing: false, stale: false },
    credentials: { kind: 'token', source: 'env', expiresAt: minutesFromT0(3 * 24 * 60 + 60) },
    context: {
      cores: { default: 2, defaultRequest: 1, defaultLimit: 16, options: [1, 2, 4, 8, 16] },
      ramGB: { default: 8, defaultRequest: 4, defaultLimit: 64, options: [1, 2, 4, 8, 16, 32, 64] },
      gpus: { options: [1, 2] },
      maxInteractiveSessions: 5,
    },
    lastPollAt: T0,
    lastStatsAt: T0 - 60_000,
    ...overrides,
  };
}

/** The standard mix: a Running notebook, a Pending desktop, three headless replicas, one expiring soon. */
export function demoSessions(): Session[] {
  return [
    makeSession({ id: 'nb000001', name: 'nb-main' }),
    makeSession({
      id: 'dt000002',
      name: 'desk',
      kind: 'desktop',
      status: 'Pending',
      startedAt: null,
      url: 'https://workload.example.org/desktop/dt000002',
      cpu: { requested: null, used: null },
      ramGB: { requested: null, used: null },
      fixed: false,
    }),
    makeSession({ id: 'hl000003', name: 'fit-1', kind: 'headless', url: null, expiresAt: null }),
    makeSession({ id: 'hl000004', name: 'fit-2', kind: 'headless', url: null, expiresAt: null, status: 'Completed' }),
    makeSession({ id: 'hl000005', name: 'fit-3', kind: 'headless', url: null, expiresAt: null, status: 'Pending' }),
    makeSession({ id: 'cr000006', name: 'carta-soon', kind: 'carta', expiresAt: minutesFromT0(8) }),
  ];
}
