import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthState } from '../../../src/state/state.js';
import type { SimFaults } from '../../../src/sim/index.js';
import { startSimulator } from '../../../src/sim/index.js';
import { startTestDaemon, type TestDaemon } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';

interface FaultCase {
  name: string;
  faults: SimFaults;
  /** The endpoint whose first request after the fault clears must succeed. */
  endpoint: 'session.list' | 'session.stats';
  codes: string[];
  health: HealthState[];
  /** True when the cached sessions are marked stale during the fault. */
  stale: boolean;
  /** True when the fault is the stats endpoint's (no session poll fails). */
  statsFailing?: boolean;
}

const CASES: FaultCase[] = [
  { name: 'hanging', faults: { hang: ['session.list'] }, endpoint: 'session.list', codes: ['TIMEOUT'], health: ['degraded'], stale: true },
  { name: '500', faults: { status: { 'session.list': 500 } }, endpoint: 'session.list', codes: ['SKAHA_SERVER_ERROR'], health: ['degraded'], stale: true },
  // Stats failing (the metrics backend) leave Skaha's health ok: only the platform load is unavailable.
  { name: '503 on stats', faults: { statsUnavailable: true }, endpoint: 'session.stats', codes: [], health: ['ok'], stale: false, statsFailing: true },
  // Refused credentials are their own state, not the platform down.
  { name: '401 / expired token', faults: { expiredToken: true }, endpoint: 'session.list', codes: ['SKAHA_UNAUTHORIZED'], health: ['refused'], stale: true },
  { name: 'malformed JSON', faults: { malformed: ['session.list'] }, endpoint: 'session.list', codes: ['PROTOCOL_ERROR'], health: ['degraded'], stale: true },
  {
    name: 'truncated body',
    faults: { truncated: ['session.list'] },
    endpoint: 'session.list',
    codes: ['NETWORK_ERROR', 'PROTOCOL_ERROR'],
    health: ['degraded'],
    stale: true,
  },
  {
    name: 'huge body',
    faults: { huge: ['session.list'], hugeBytes: 17 * 1024 * 1024 },
    endpoint: 'session.list',
    codes: ['PROTOCOL_ERROR'],
    health: ['degraded'],
    stale: true,
  },
];

let t: TestDaemon;
let id: string;

beforeAll(async () => {
  t = await startTestDaemon({ timeouts: { connectMs: 300, totalMs: 700 }, sim: { seed: 11, users: { 'fault-token-alice-0001': 'alice' } } });
  id = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'survivor' });
  await waitUntil(() => t.daemon.state().sessions[id] !== undefined && t.daemon.state().health.state === 'ok', 'the first good poll');
});
afterAll(async () => t?.cleanup());

function healthy(): boolean {
  const { health } = t.daemon.state();
  return health.state === 'ok' && !health.stale && !health.statsFailing;
}

describe('fault matrix: the daemon lives, shows the reason, serves the cache and recovers', () => {
  it.each(CASES)('$name', async (c) => {
    await waitUntil(healthy, 'a healthy daemon before the fault');
    t.sim.setFaults(c.faults);
    await waitUntil(
      () => {
        const { health } = t.daemon.state();
        const error = c.statsFailing ? health.statsFailing : c.codes.includes(health.lastError?.code ?? '');
        return error && c.health.includes(health.state) && health.stale === c.stale;
      },
      `health ${c.health.join(',')} with ${c.codes.join(',')}`,
    );

    const late = await t.client({ name: `during-${c.name}` });
    const welcome = late.state!;
    expect(welcome.sessions[id]?.name, 'cached sessions are still served').toBe('survivor');
    if (c.statsFailing) expect(welcome.health).toMatchObject({ statsFailing: true, state: 'ok' });
    else expect(c.codes).toContain(welcome.health.lastError?.code);
    expect(welcome.health.stale).toBe(c.stale);
    await late.close();

    const cleared = t.sim.now();
    t.sim.clearFaults();
    await waitUntil(healthy, 'recovery');
    const after = t.sim.requestLog().filter((r) => r.endpoint === c.endpoint && r.at >= cleared);
    expect(after[0]?.status, 'the first poll after the fault clears succeeds').toBe(200);
  });

  it('refused (the server is gone) → NETWORK_ERROR, cache served, recovery once it listens again', async () => {
    await waitUntil(healthy, 'a healthy daemon before the fault');
    const { port } = t.sim;
    await t.sim.close();
    await waitUntil(() => t.daemon.state().health.lastError?.code === 'NETWORK_ERROR' && t.daemon.state().health.stale, 'a failed session poll');
    const late = await t.client({ name: 'during-refused' });
    expect(late.state!.sessions[id]?.name).toBe('survivor');
    expect(late.state!.health).toMatchObject({ state: 'degraded', stale: true, lastError: { code: 'NETWORK_ERROR' } });
    const again = await startSimulator({ port, seed: 11, users: { 'fault-token-alice-0001': 'alice' } });
    try {
      const back = again.now();
      await waitUntil(healthy, 'recovery');
      expect(again.requestLog().find((r) => r.endpoint === 'session.list' && r.at >= back)?.status).toBe(200);
      expect(await late.call('snapshot')).toMatchObject({ health: { state: 'ok' } });
    } finally {
      await again.close();
    }
  });
});
