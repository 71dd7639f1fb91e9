import { describe, expect, it } from 'vitest';
import { EVENTS_PER_ROUND, EVENTS_REREAD_MS, InsightPoller, STARTING_REREAD_MS } from '../../../daemon/runtime/insight-poller.js';
import type { StateRuntime } from '../../../daemon/runtime/state-runtime.js';
import { AppError } from '../../../src/domain/errors.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { Action } from '../../../src/state/actions.js';
import { reduce } from '../../../src/state/reduce.js';
import { initialState, type DaemonState } from '../../../src/state/state.js';
import type { Session } from '../../../src/domain/session.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { makeJob } from '../../state/builders.js';

function setup(sessions: Session[], events: (id: string) => Promise<never[]>) {
  const clock = new FakeClock();
  let state: DaemonState = reduce(initialState(), { type: 'poll.succeeded', sessions, at: clock.now() });
  const applied: Action[] = [];
  const runtime = {
    state: () => state,
    apply: async (...actions: Action[]) => {
      applied.push(...actions);
      for (const a of actions) state = reduce(state, a);
    },
  } as unknown as StateRuntime;
  const reads: string[] = [];
  const poller = new InsightPoller({
    clock,
    logger: silentLogger,
    runtime,
    paused: () => false,
    events: (id) => {
      reads.push(id);
      return events(id);
    },
  });
  return { clock, poller, reads, applied, state: () => state };
}

const pending = (n: number) => Array.from({ length: n }, (_, i) => makeJob({ id: `job${String(i).padStart(5, '0')}`, status: 'Pending', startedAt: null }));
const notFound = async (): Promise<never[]> => {
  throw new AppError('SKAHA_NOT_FOUND', 'GET …?view=events: 404 session x not found.');
};

describe('InsightPoller', () => {
  it('reads the events of at most EVENTS_PER_ROUND Pending sessions a round, in one action; a 404 means no pod (queued)', async () => {
    const sessions = pending(25);
    const { poller, reads, applied, state } = setup(sessions, notFound);
    poller.check(sessions);
    await poller.idle();
    expect(reads).toHaveLength(EVENTS_PER_ROUND);
    expect(applied.filter((a) => a.type === 'events.observed')).toHaveLength(1);
    expect(state().insights[reads[0]].pending?.code).toBe('queued');
    poller.check(sessions);
    await poller.idle();
    expect(new Set(reads).size).toBe(2 * EVENTS_PER_ROUND);
  });

  it('reads a queued session again after EVENTS_REREAD_MS, a starting one every STARTING_REREAD_MS, and at once when Kueue admits it', async () => {
    const [queued] = pending(1);
    const { clock, poller, reads } = setup([queued], notFound);
    poller.check([queued]);
    await poller.idle();
    clock.advance(STARTING_REREAD_MS);
    poller.check([queued]);
    await poller.idle();
    expect(reads).toHaveLength(1);
    clock.advance(EVENTS_REREAD_MS);
    poller.check([queued]);
    await poller.idle();
    expect(reads).toHaveLength(2);
    const admitted = { ...queued, startedAt: '2026-11-22T12:00:30Z' };
    poller.check([admitted]);
    await poller.idle();
    expect(reads).toHaveLength(3);
  });

  it('reads a session that just failed once (its pod may go), never one that keeps running', async () => {
    const running = makeJob({ id: 'run00001', status: 'Running' });
    const failed = makeJob({ id: 'fail0001', status: 'Failed' });
    const { poller, reads } = setup([running, failed], async () => []);
    poller.check([running, failed]);
    await poller.idle();
    poller.check([running, failed]);
    await poller.idle();
    expect(reads).toEqual(['fail0001']);
  });
});
