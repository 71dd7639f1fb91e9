import { reviveState } from '../../src/state/revive.js';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/state/actions.js';
import { deriveEvents } from '../../src/state/derive-events.js';
import type { DaemonEvent } from '../../src/state/events.js';
import { reduce } from '../../src/state/reduce.js';
import { initialState, type DaemonState } from '../../src/state/state.js';
import type { Session } from '../../src/domain/session.js';
import { iso, makeJob, makeSession, T0 } from './builders.js';

/** What the daemon does per action: reduce, derive new events, record their keys. */
function step(state: DaemonState, action: Action): { state: DaemonState; events: DaemonEvent[] } {
  const next = reduce(state, action);
  const events = deriveEvents(state, next, { now: action.at });
  return { state: reduce(next, { type: 'events.emitted', keys: events.map((e) => e.key), at: action.at }), events };
}

/** Persist and reload (a JSON round trip), then the daemon.started action. */
function restart(state: DaemonState, at: number): DaemonState {
  return reduce(reviveState(JSON.parse(JSON.stringify(state))), { type: 'daemon.started', at });
}

const poll = (at: number, ...sessions: Session[]): Action => ({ type: 'poll.succeeded', sessions, at });
const keys = (events: DaemonEvent[]) => events.map((e) => e.key).sort();

describe('deriveEvents across restarts', () => {
  it('reports nothing for the very first snapshot, then each change once', () => {
    let r = step(initialState(), poll(T0, makeSession({ id: 's1', status: 'Pending' }), makeSession({ id: 's0' })));
    expect(r.events).toEqual([]);
    r = step(r.state, poll(T0 + 2000, makeSession({ id: 's1' }), makeSession({ id: 's0' })));
    expect(keys(r.events)).toEqual(['status:s1:Running']);
    r = step(r.state, poll(T0 + 4000, makeSession({ id: 's1' }), makeSession({ id: 's0' })));
    expect(r.events).toEqual([]);
  });

  it('does not notify again after a restart, including level-triggered expiry warnings', () => {
    const exp = iso(T0 + 50 * 60_000);
    let r = step(initialState(), poll(T0, makeSession({ id: 's1', status: 'Pending', expiresAt: exp })));
    expect(keys(r.events)).toEqual([`expiring:s1:${exp}:3600`]);
    r = step(r.state, poll(T0 + 2000, makeSession({ id: 's1', expiresAt: exp })));
    expect(keys(r.events)).toEqual(['status:s1:Running']);
    const reloaded = restart(r.state, T0 + 10_000);
    r = step(reloaded, poll(T0 + 12_000, makeSession({ id: 's1', expiresAt: exp })));
    expect(r.events).toEqual([]);
  });

  it('reports a transition that happened while the daemon was down exactly once', () => {
    let r = step(initialState(), poll(T0, makeSession({ id: 's1', status: 'Pending' }), makeJob({ id: 'j1', status: 'Running' }), makeSession({ id: 'gone' })));
    const persisted = r.state;
    // Down for an hour: s1 started, j1 finished, 'gone' vanished, s2 appeared.
    const after = [makeSession({ id: 's1' }), makeJob({ id: 'j1', status: 'Completed' }), makeSession({ id: 's2', status: 'Pending' })];
    r = step(restart(persisted, T0 + 3600_000), poll(T0 + 3600_000, ...after));
    expect(keys(r.events)).toEqual(['added:s2', 'job:j1:Completed', 'removed:gone', 'status:j1:Completed', 'status:s1:Running']);
    expect(r.events.find((e) => e.type === 'session:removed')).toMatchObject({ reason: 'vanished' });
    r = step(restart(r.state, T0 + 3700_000), poll(T0 + 3700_000, ...after));
    expect(r.events).toEqual([]);
  });

  it('reports platform down after 2 min of failures and recovered once, also across a restart', () => {
    const err = { code: 'NETWORK_ERROR' as const, message: 'refused' };
    let r = step(initialState(), poll(T0, makeSession({ id: 's1' })));
    r = step(r.state, { type: 'poll.failed', error: err, at: T0 + 10_000 });
    expect(r.events).toEqual([]);
    r = step(r.state, { type: 'poll.failed', error: err, at: T0 + 130_000 });
    expect(r.events.map((e) => e.type)).toEqual(['platform:down']);
    r = step(r.state, { type: 'poll.failed', error: err, at: T0 + 200_000 });
    expect(r.events).toEqual([]);
    r = step(restart(r.state, T0 + 300_000), poll(T0 + 300_000, makeSession({ id: 's1' })));
    expect(r.events).toMatchObject([{ type: 'platform:recovered', key: `recovered:${T0 + 10_000}` }]);
  });

  it('warns about credentials once per threshold', () => {
    let r = step(initialState(), {
      type: 'credentials.checked',
      credentials: { kind: 'certificate', source: 'default', expiresAt: iso(T0 + 2 * 86400_000) },
      at: T0,
    });
    expect(r.events.map((e) => e.type)).toEqual(['credentials:expiring']);
    r = step(r.state, { type: 'credentials.checked', credentials: r.state.credentials!, at: T0 + 3600_000 });
    expect(r.events).toEqual([]);
    r = step(r.state, { type: 'credentials.checked', credentials: r.state.credentials!, at: T0 + 1.5 * 86400_000 });
    expect(r.events).toMatchObject([{ thresholdSec: 86400 }]);
  });

  it('reports a failed launch once', () => {
    let r = step(initialState(), { type: 'launch.requested', launchId: 'L1', request: { name: 'nb', image: 'i', kind: 'notebook' }, at: T0 });
    r = step(r.state, { type: 'launch.failed', launchId: 'L1', error: { code: 'SKAHA_BAD_REQUEST', message: 'too many sessions' }, at: T0 + 1 });
    expect(r.events).toMatchObject([{ type: 'launch:failed', key: 'launch:L1', name: 'nb' }]);
    r = step(r.state, { type: 'session.renewed', ids: [], at: T0 + 2 });
    expect(r.events).toEqual([]);
  });
});
