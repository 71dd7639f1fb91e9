// Session ids that are members of Object.prototype go through every place keyed by ids: the
// reducer, derived events, patches over the codec, the history file and the state file.
import { describe, expect, it } from 'vitest';
import { decodeHistories, encodeHistories } from '../../daemon/store/history-codec.js';
import { migrateState } from '../../daemon/store/migrate.js';
import { serialiseState } from '../../daemon/store/state-file-text.js';
import { emptyDict, isDict } from '../../src/domain/dict.js';
import type { Session } from '../../src/domain/session.js';
import { applyPatch } from '../../src/protocol/apply-patch.js';
import { decode, encode, isFrameError } from '../../src/protocol/codec.js';
import { makePatch } from '../../src/protocol/make-patch.js';
import { makeEvent } from '../../src/protocol/messages/event.js';
import { clientSnapshot, type StatePatch } from '../../src/protocol/patch.js';
import type { Action } from '../../src/state/actions.js';
import { deriveEvents } from '../../src/state/derive-events.js';
import { reduce } from '../../src/state/reduce.js';
import { reviveState, type DaemonStateWire } from '../../src/state/revive.js';
import { initialState, type DaemonState } from '../../src/state/state.js';
import { makeJob, makeSession, T0 } from './builders.js';

const HOSTILE = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype', 'abcd1234'];
const STATUSES = ['Pending', 'Running', 'Completed', 'Failed', '__proto__', 'constructor'];

function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

function randomPoll(r: () => number, at: number): Action {
  const sessions: Session[] = HOSTILE.filter(() => r() < 0.6).map((id) =>
    (r() < 0.4 ? makeJob : makeSession)({
      id,
      name: `${id}-${Math.floor(r() * 3)}`,
      status: STATUSES[Math.floor(r() * STATUSES.length)],
      cpu: { requested: 2, used: r() < 0.8 ? Math.round(r() * 200) / 100 : null },
      ramGB: { requested: 8, used: 3 },
    }),
  );
  if (r() < 0.1) return { type: 'session.deleted', ids: [HOSTILE[Math.floor(r() * HOSTILE.length)]], at };
  return { type: 'poll.succeeded', sessions, at };
}

function overTheWire(patch: StatePatch): StatePatch {
  const frame = decode(encode(makeEvent('state:patch', patch)));
  if (isFrameError(frame)) throw frame;
  return (frame as { data: StatePatch }).data;
}

/** What the maps hold, read only through own keys. */
function own(state: DaemonState): Record<string, string[]> {
  return { sessions: Object.keys(state.sessions).sort(), usage: Object.keys(state.usage).sort(), deletes: Object.keys(state.deletes).sort() };
}

describe('ids that are Object.prototype members', () => {
  it('are ordinary keys through the reducer, events, patches over the codec, the history file and the state file (400 random polls)', () => {
    const r = rng(7);
    let daemon = initialState();
    // A client that mirrors every history (patches replay usage for every session): all of the state but the bookkeeping and the accounts.
    const mirror = (state: DaemonState): DaemonState => ({ ...state, emitted: emptyDict(), accounts: emptyDict() });
    let client = mirror(daemon);
    for (let i = 0; i < 400; i++) {
      const at = T0 + i * 2000;
      const action = randomPoll(r, at);
      let next = reduce(daemon, action);
      const events = deriveEvents(daemon, next, { now: at });
      if (events.length > 0) next = reduce(next, { type: 'events.emitted', keys: events.map((e) => e.key), at });
      if (action.type === 'poll.succeeded') {
        const ids = action.sessions.map((s) => s.id);
        expect(Object.keys(next.sessions).sort()).toEqual([...new Set(ids)].sort());
        for (const id of HOSTILE) expect(next.sessions[id]?.id).toBe(ids.includes(id) ? id : undefined);
      }
      for (const map of [next.sessions, next.usage, next.deletes, next.emitted]) expect(isDict(map)).toBe(true);
      const patch = makePatch(daemon, next);
      if (patch) client = applyPatch(client, overTheWire(patch));
      expect(own(client)).toEqual(own(next));
      expect(client).toEqual(mirror(next));
      daemon = next;
    }
    // Removed and re-added sessions were reported like any other.
    expect(Object.keys(daemon.emitted).some((k) => k.startsWith('removed:__proto__'))).toBe(true);
    expect(Object.keys(daemon.emitted).some((k) => k.startsWith('added:constructor'))).toBe(true);

    const histories = decodeHistories(encodeHistories({ usage: daemon.usage, statsHistory: daemon.statsHistory, accounts: daemon.accounts }));
    expect(isDict(histories.usage)).toBe(true);
    expect(isDict(histories.accounts)).toBe(true);
    expect(Object.keys(histories.usage).sort()).toEqual(Object.keys(daemon.usage).sort());
    expect(Object.keys(histories.accounts).sort()).toEqual(Object.keys(daemon.accounts).sort());
    for (const id of Object.keys(daemon.usage)) expect(histories.usage[id]).toEqual(daemon.usage[id]);

    const migrated = migrateState(JSON.parse(serialiseState(daemon)), at(400));
    if (!migrated.ok) throw new Error(migrated.problem);
    expect(own({ ...migrated.state, usage: daemon.usage })).toEqual(own(daemon));
    expect(migrated.state.sessions).toEqual(daemon.sessions);
    expect(isDict(migrated.state.sessions) && isDict(migrated.state.emitted)).toBe(true);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });

  it('decoded snapshots read no inherited member for an absent id', () => {
    const state = reduce(initialState(), { type: 'poll.succeeded', sessions: [makeSession({ id: '__proto__' })], at: T0 });
    const revived = reviveState(JSON.parse(JSON.stringify(clientSnapshot(state))) as DaemonStateWire);
    expect(revived.sessions.__proto__.id).toBe('__proto__');
    for (const id of ['constructor', 'hasOwnProperty', 'toString']) {
      expect(revived.sessions[id]).toBeUndefined();
      expect(revived.usage[id]).toBeUndefined();
      expect(revived.deletes[id]).toBeUndefined();
    }
  });
});

function at(i: number): number {
  return T0 + i * 2000;
}
