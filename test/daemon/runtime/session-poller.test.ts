import { describe, expect, it } from 'vitest';
import { DEFAULT_DAEMON_CONFIG } from '../../../daemon/config/daemon-config.js';
import type { ApiHolder } from '../../../daemon/runtime/api-holder.js';
import { HookDispatcher } from '../../../daemon/runtime/hook-dispatch.js';
import { SessionPoller } from '../../../daemon/runtime/session-poller.js';
import { StateRuntime } from '../../../daemon/runtime/state-runtime.js';
import { MemoryStateStore } from '../../../daemon/store/memory-state-store.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { SkahaApi } from '../../../src/ports/skaha-api.js';
import type { Action } from '../../../src/state/actions.js';
import { initialState } from '../../../src/state/state.js';
import { makeSession } from '../../helpers/builders.js';
import { FakeClock } from '../../helpers/fake-clock.js';

/** Lets the promise chains of a poll run (no time passes: the clock is fake). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

function setup() {
  const clock = new FakeClock();
  const polls: number[] = [];
  const state = { broken: true };
  const api = { listSessions: async () => (polls.push(clock.now()), [makeSession({ id: 'a1', status: 'Running' })]) } as unknown as SkahaApi;
  const runtime = new StateRuntime(initialState(), {
    clock,
    logger: silentLogger,
    store: new MemoryStateStore(),
    config: () => DEFAULT_DAEMON_CONFIG,
    notifier: { mechanism: 'test', notify: async () => true },
    hooks: new HookDispatcher(() => [], silentLogger),
    broadcast: () => undefined,
    hasClients: () => false,
  });
  // The daemon's own bookkeeping throws on every successful poll, as a reducer bug would.
  const apply = runtime.apply.bind(runtime);
  runtime.apply = (...actions: Action[]) => {
    if (state.broken && actions.some((a) => a.type === 'poll.succeeded')) throw new TypeError('history.append is not a function');
    return apply(...actions);
  };
  const poller = new SessionPoller({
    clock,
    logger: silentLogger,
    runtime,
    connection: { api: () => api } as unknown as ApiHolder,
    config: () => DEFAULT_DAEMON_CONFIG,
    clients: () => 0,
    random: () => 1,
  });
  return { clock, polls, state, runtime, poller };
}

async function runFor(clock: FakeClock, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 1000) {
    clock.advance(1000);
    await settle();
  }
}

describe('SessionPoller', () => {
  it('backs off when processing a poll fails, as for a network failure, and records the error', async () => {
    const { clock, polls, state, runtime, poller } = setup();
    poller.start();
    clock.advance(0);
    await settle();
    await runFor(clock, 31_000);
    const gaps = polls.slice(1).map((t, i) => t - polls[i]);
    // fastMs 2 s doubling per consecutive failure (jitter pinned to its top by random = 1).
    expect(gaps).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(poller.failures).toBe(5);
    expect(runtime.state().health.lastError).toMatchObject({
      code: 'INTERNAL_ERROR',
      message: expect.stringMatching(/^processing a session poll failed: .*append is not a function/),
    });
    state.broken = false;
    await runFor(clock, 32_000);
    expect(poller.failures).toBe(0);
    expect(runtime.state().health.failingSince).toBeNull();
    expect(Object.keys(runtime.state().sessions)).toEqual(['a1']);
    poller.stop();
  });
});
