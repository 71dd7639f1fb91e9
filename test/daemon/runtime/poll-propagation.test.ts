import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../../daemon/store/memory-state-store.js';
import { DEFAULT_DAEMON_CONFIG } from '../../../daemon/config/daemon-config.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { startTestDaemon, type TestDaemon } from '../../helpers/start-daemon.js';
import { stepAndPoll } from '../../helpers/step-and-poll.js';
import type { TestClient } from '../../helpers/ws-client.js';

const FAST_MS = 2_000;
let t: TestDaemon | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('one poller for every client (simulator and daemon on one fake clock)', () => {
  it('a status change reaches a websocket client within one fast-poll interval', async () => {
    const clock = new FakeClock();
    t = await startTestDaemon({ clock, sim: { clock }, polling: { ...DEFAULT_DAEMON_CONFIG.polling, fastMs: FAST_MS }, store: new MemoryStateStore() });
    // Pending since 1 s, Running 6.3 s from now: not on a poll boundary.
    const id = t.sim.seedSession({ kind: 'notebook', status: 'Pending', name: 'nbfast', ageSeconds: 1, pendingSeconds: 7.3 });
    const readyAt = clock.now() + 6_300;
    const client = await t.client();
    await stepAndPoll(clock, t, 0);
    await client.waitForState((s) => s.sessions[id]?.status === 'Pending');
    // Pending keeps the cadence fast; the first poll that sees Running ends the loop.
    while (t.daemon.state().sessions[id].status === 'Pending') await stepAndPoll(clock, t, FAST_MS);
    const event = await client.waitForEvent('session:status-changed', (e) => e.session.id === id && e.to === 'Running');
    expect(event.from).toBe('Pending');
    expect(event.at).toBeGreaterThanOrEqual(readyAt);
    expect(event.at - readyAt).toBeLessThanOrEqual(FAST_MS);
    expect(client.state?.sessions[id].status).toBe('Running');
  });

  it('ten attached clients cause no more session-list requests than one', async () => {
    const clock = new FakeClock();
    t = await startTestDaemon({ clock, sim: { clock }, polling: { ...DEFAULT_DAEMON_CONFIG.polling, fastMs: FAST_MS }, store: new MemoryStateStore() });
    // A long Pending session keeps the cadence fast and deterministic over both windows.
    t.sim.seedSession({ kind: 'notebook', status: 'Pending', name: 'slow', ageSeconds: 1, pendingSeconds: 3_600 });
    const first = await t.client({ name: 'first' });
    await stepAndPoll(clock, t, 0);
    const window = async (): Promise<number> => {
      const before = t!.sim.requestCount('session.list');
      for (let i = 0; i < 10; i++) await stepAndPoll(clock, t!, FAST_MS);
      return t!.sim.requestCount('session.list') - before;
    };
    const withOne = await window();
    const others: TestClient[] = [];
    for (let i = 0; i < 9; i++) others.push(await t.client({ name: `extra-${i}` }));
    const withTen = await window();
    expect(withOne).toBe(10);
    expect(withTen).toBeLessThanOrEqual(withOne);
    // Every client saw the same polls.
    for (const c of [first, ...others]) await c.waitForState((s) => s.lastPollAt === clock.now());
  });

  it('welcomes clients without histories; `history` brings the asked ones, which patches then keep in step', async () => {
    const clock = new FakeClock();
    t = await startTestDaemon({ clock, sim: { clock }, store: new MemoryStateStore() });
    const id = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'nbuse', ageSeconds: 60 });
    const other = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'other', ageSeconds: 60 });
    await stepAndPoll(clock, t, 0);
    await stepAndPoll(clock, t, FAST_MS);
    expect(t.daemon.state().usage[id].size).toBeGreaterThan(0);
    const client = await t.client();
    expect(client.state?.usage).toEqual({});
    expect(client.state?.statsHistory.size).toBe(0);
    expect(client.state?.sessions[id].name).toBe('nbuse');
    const result = await client.call('history', { ids: [id, 'nosuchid'], stats: true });
    expect(result.unknown).toEqual(['nosuchid']);
    expect(result.rest).toEqual([]);
    expect(client.state?.usage[id]).toEqual(t.daemon.state().usage[id]);
    expect(client.state?.statsHistory).toEqual(t.daemon.state().statsHistory);
    for (let i = 0; i < 3; i++) await stepAndPoll(clock, t, DEFAULT_DAEMON_CONFIG.polling.normalMs);
    await client.waitForState((s) => s.lastPollAt === clock.now());
    // The asked history moves with the daemon's; the other session's is never started.
    expect(client.state?.usage[id]).toEqual(t.daemon.state().usage[id]);
    expect(client.state?.usage[other]).toBeUndefined();
    expect(client.state?.sessions[id]).toEqual(t.daemon.state().sessions[id]);
  });
});
