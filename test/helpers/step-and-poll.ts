import type { FakeClock } from './fake-clock.js';
import type { TestDaemon } from './start-daemon.js';
import { waitUntil } from './wait-until.js';

/** Moves the shared fake clock by `ms` and waits (in real time, bounded) for the poll it triggers to be processed. */
export async function stepAndPoll(clock: FakeClock, d: TestDaemon, ms: number): Promise<void> {
  clock.advance(ms);
  await waitUntil(() => d.daemon.state().lastPollAt === clock.now(), `the poll at ${clock.now()}`);
}
