import { describe, expect, it } from 'vitest';
import { DEFAULT_DAEMON_CONFIG } from '../../../daemon/config/daemon-config.js';
import { ApiHolder } from '../../../daemon/runtime/api-holder.js';
import { connectedToApi } from '../../../daemon/runtime/connect.js';
import { HookDispatcher } from '../../../daemon/runtime/hook-dispatch.js';
import { REFRESH_GAP_MS, SessionPoller } from '../../../daemon/runtime/session-poller.js';
import { StateRuntime } from '../../../daemon/runtime/state-runtime.js';
import { MemoryStateStore } from '../../../daemon/store/memory-state-store.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { SkahaApi } from '../../../src/ports/skaha-api.js';
import { initialState } from '../../../src/state/state.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { AppError } from '../../../src/domain/errors.js';

const ticks = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

/** A poller over a Skaha whose session listings the test counts (its scheduled polls never come: a day apart). */
async function pollerWithCount(fail: () => boolean = () => false) {
  const clock = new FakeClock();
  const listings: number[] = [];
  const api = {
    listSessions: async () => {
      listings.push(clock.now());
      if (fail()) throw new AppError('NETWORK_ERROR', 'GET https://x/session: connection refused');
      return [];
    },
  } as unknown as SkahaApi;
  const connection = new ApiHolder(async () => connectedToApi(api), silentLogger);
  await connection.connect();
  const day = 24 * 3600_000;
  const config = { ...DEFAULT_DAEMON_CONFIG, polling: { ...DEFAULT_DAEMON_CONFIG.polling, fastMs: day, normalMs: day, slowMs: day } };
  const runtime = new StateRuntime(initialState(), {
    clock,
    logger: silentLogger,
    store: new MemoryStateStore(),
    config: () => config,
    notifier: { mechanism: 'test', notify: async () => true },
    hooks: new HookDispatcher(() => [], silentLogger),
    broadcast: () => undefined,
    hasClients: () => true,
  });
  const poller = new SessionPoller({ clock, logger: silentLogger, runtime, connection, config: () => config, clients: () => 1 });
  return { clock, listings, poller };
}

describe('SessionPoller.refresh', () => {
  it('polls at once after a quiet gap, then no sooner than REFRESH_GAP_MS after the previous start, each time', async () => {
    const { clock, listings, poller } = await pollerWithCount();
    await poller.refresh();
    expect(listings).toEqual([clock.now()]);
    for (let round = 1; round <= 3; round++) {
      let done = false;
      void poller.refresh().then(() => (done = true));
      await ticks();
      expect(done).toBe(false);
      clock.advance(REFRESH_GAP_MS - 1);
      await ticks();
      expect(listings).toHaveLength(round);
      clock.advance(1);
      await ticks();
      expect(done).toBe(true);
      expect(listings).toHaveLength(round + 1);
    }
    poller.stop();
  });

  it('shares one poll among every caller waiting for the next one', async () => {
    const { clock, listings, poller } = await pollerWithCount();
    await poller.refresh();
    const waiting = Array.from({ length: 50 }, () => poller.refresh());
    await ticks();
    clock.advance(REFRESH_GAP_MS);
    await Promise.all(waiting);
    expect(listings).toHaveLength(2);
    poller.stop();
  });

  it('answers with the outcome of the poll it made: a failure, even after an earlier success, then a success', async () => {
    let failing = false;
    const { clock, poller } = await pollerWithCount(() => failing);
    expect(await poller.refresh()).toEqual({ at: clock.now(), error: null });
    failing = true;
    const failed = poller.refresh();
    await ticks();
    clock.advance(REFRESH_GAP_MS);
    expect(await failed).toEqual({ at: clock.now(), error: { code: 'NETWORK_ERROR', message: 'GET https://x/session: connection refused' } });
    failing = false;
    const again = poller.refresh();
    await ticks();
    clock.advance(REFRESH_GAP_MS);
    expect(await again).toEqual({ at: clock.now(), error: null });
    poller.stop();
  });
});

describe('SessionPoller.current', () => {
  it('joins the poll in flight instead of asking for one more, and asks for a refresh when none is in flight', async () => {
    let release: () => void = () => undefined;
    let gated = false;
    const { clock, listings, poller } = await pollerWithCount();
    const slow = poller as unknown as { deps: { connection: { api: () => SkahaApi } } };
    const api = slow.deps.connection.api();
    const listSessions = api.listSessions.bind(api);
    api.listSessions = async () => {
      const answer = await listSessions();
      if (gated) await new Promise<void>((resolve) => (release = resolve));
      return answer;
    };
    gated = true;
    const first = poller.refresh();
    await ticks();
    expect(listings).toHaveLength(1);
    let joined = false;
    const second = poller.current().then(() => (joined = true));
    await ticks();
    expect(joined).toBe(false);
    gated = false;
    release();
    await Promise.all([first, second]);
    expect(listings).toHaveLength(1);
    clock.advance(REFRESH_GAP_MS);
    await poller.current();
    expect(listings).toHaveLength(2);
  });
});
