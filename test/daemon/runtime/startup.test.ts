import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../../daemon/store/memory-state-store.js';
import { initialState, reduce } from '../../../src/state/index.js';
import { makeSession } from '../../helpers/builders.js';
import { startTestDaemon, type TestDaemon } from '../../helpers/start-daemon.js';

let t: TestDaemon | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('start-up', () => {
  it('serves the cached snapshot at once, marked stale until the first poll succeeds', async () => {
    const cachedAt = Date.now() - 3_600_000;
    const cached = reduce(initialState(), { type: 'poll.succeeded', sessions: [makeSession({ id: 'cached01', name: 'from-cache' })], at: cachedAt });
    // The platform hangs: the first poll cannot finish while the client connects.
    t = await startTestDaemon({
      store: new MemoryStateStore(cached),
      sim: { faults: { hang: ['session.list'] } },
      timeouts: { connectMs: 300, totalMs: 1_000 },
    });
    const client = await t.client();
    expect(client.state!.sessions.cached01?.name).toBe('from-cache');
    expect(client.state!.health.stale).toBe(true);
    expect(client.state!.lastPollAt).toBe(cachedAt);
    t.sim.clearFaults();
    const fresh = await client.waitForState((s) => !s.health.stale);
    expect(fresh.lastPollAt).toBeGreaterThan(cachedAt);
    expect(fresh.sessions.cached01).toBeUndefined();
    expect(client.events('session:removed').map((e) => e.session.id)).toEqual(['cached01']);
  });
});
