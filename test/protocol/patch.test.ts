import { describe, expect, it } from 'vitest';
import { applyPatch, applyList, applyRecord } from '../../src/protocol/apply-patch.js';
import { diffList, diffRecord, makePatch } from '../../src/protocol/make-patch.js';
import { clientSnapshot, isStatePatch, type StatePatch } from '../../src/protocol/patch.js';
import { decode, encode, isFrameError } from '../../src/protocol/codec.js';
import { makeEvent } from '../../src/protocol/messages/event.js';
import type { Action } from '../../src/state/actions.js';
import { reduce } from '../../src/state/reduce.js';
import { initialState, type DaemonState } from '../../src/state/state.js';
import { appendUsage, emptyUsage } from '../../src/state/usage.js';
import { applyHistoryResult, historyResult } from '../../src/protocol/history-result.js';
import type { Session } from '../../src/domain/session.js';
import { makeJob, makeSession, T0 } from '../state/builders.js';

function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

function randomAction(r: () => number, at: number): Action {
  const roll = r();
  const ids = ['a', 'b', 'c', 'd', 'e'];
  if (roll < 0.5) {
    const sessions: Session[] = ids
      .filter(() => r() < 0.7)
      .map((id) =>
        (r() < 0.3 ? makeJob : makeSession)({
          id,
          status: ['Pending', 'Running', 'Completed'][Math.floor(r() * 3)],
          cpu: { requested: 2, used: r() < 0.8 ? Math.round(r() * 200) / 100 : null },
          ramGB: { requested: 8, used: 3 },
        }),
      );
    return { type: 'poll.succeeded', sessions, at };
  }
  if (roll < 0.6) return { type: 'poll.failed', error: { code: 'NETWORK_ERROR', message: 'x' }, at };
  if (roll < 0.7)
    return {
      type: 'stats.succeeded',
      stats: { cpu: { allocated: r() * 10, capacity: 100, maxPerSession: null }, ramGB: { allocated: 1, capacity: 2, maxPerSession: null } },
      at,
    };
  if (roll < 0.75)
    return {
      type: 'launch.requested',
      launchId: `L${at}`,
      request: { name: 'j', image: 'i', kind: 'headless', registryAuth: { username: 'u', secret: 'never-on-the-wire' } },
      at,
    };
  if (roll < 0.8) return { type: 'session.deleted', ids: [ids[Math.floor(r() * 5)]], at };
  if (roll < 0.9) return { type: 'notification.sent', notification: { key: `k${at}`, title: 't', body: 'b', urgency: 'low' }, at };
  return { type: 'events.emitted', keys: [`e${at}`], at };
}

/** The state without what the daemon keeps to itself: its emitted keys and the usage accounts (clients ask `usage`). */
const clientPart = (s: DaemonState): DaemonState => ({ ...s, emitted: {}, accounts: {} });

/** Sends a patch through the real codec, as a client would receive it. */
function overTheWire(patch: StatePatch): StatePatch {
  const text = encode(makeEvent('state:patch', patch));
  expect(text).not.toContain('never-on-the-wire');
  const frame = decode(text);
  if (isFrameError(frame)) throw frame;
  return (frame as { data: StatePatch }).data;
}

describe('makePatch / applyPatch', () => {
  it('keeps a client equal to the daemon over 600 random actions (through the codec)', () => {
    const r = rng(42);
    const seen = clientPart;
    let daemon = initialState();
    let client = seen(daemon);
    for (let i = 0; i < 600; i++) {
      const next = reduce(daemon, randomAction(r, T0 + i * 2000 + Math.floor(r() * 1000)));
      const patch = makePatch(daemon, next);
      if (patch) client = applyPatch(client, overTheWire(patch));
      expect(client).toEqual(seen(next));
      daemon = next;
    }
  });

  it('keeps only the held usage histories of a client that asked for some, in step with the daemon', () => {
    const r = rng(7);
    let daemon = initialState();
    for (let i = 0; i < 50; i++) daemon = reduce(daemon, randomAction(r, T0 + i * 2000));
    // The client holds what `history` gave it for "a" (an empty history when "a" reported no use yet).
    let client = applyHistoryResult(clientSnapshot(daemon), historyResult(daemon, { ids: Object.keys(daemon.sessions), stats: true }));
    const held = new Set(Object.keys(client.usage));
    for (let i = 50; i < 400; i++) {
      const next = reduce(daemon, randomAction(r, T0 + i * 2000 + Math.floor(r() * 1000)));
      const patch = makePatch(daemon, next);
      if (patch) client = applyPatch(client, overTheWire(patch), { heldUsageOnly: true });
      daemon = next;
      for (const id of Object.keys(client.usage)) {
        expect(held.has(id)).toBe(true);
        expect(client.usage[id]).toEqual(daemon.usage[id] ?? emptyUsage());
      }
      for (const id of held) if (!daemon.sessions[id]) expect(client.usage[id]).toBeUndefined();
      expect(client.statsHistory).toEqual(daemon.statsHistory);
    }
  });

  it('returns null when nothing changed and never carries emitted keys', () => {
    const s = initialState();
    expect(makePatch(s, s)).toBeNull();
    expect(makePatch(s, reduce(s, { type: 'events.emitted', keys: ['x'], at: T0 }))).toBeNull();
  });

  it('sends a steady poll as the poll time for the client to replay, not the samples or the histories', () => {
    const sessions = ['a', 'b', 'c'].map((id) => makeSession({ id }));
    let s = initialState();
    for (let i = 0; i < 50; i++) s = reduce(s, { type: 'poll.succeeded', sessions, at: T0 + i * 2000 });
    const next = reduce(s, { type: 'poll.succeeded', sessions, at: T0 + 100_000 });
    const patch = makePatch(s, next)!;
    expect(Object.keys(patch).sort()).toEqual(['fields', 'usage']);
    // The client replays the poll over the sessions it mirrors: no usage figure is sent twice.
    expect(patch.usage).toEqual({ poll: T0 + 100_000 });
    expect(clientPart(applyPatch(s, patch))).toEqual(clientPart(next));
    expect(Object.keys(patch.fields!).sort()).toEqual(['health', 'lastPollAt']); // health.lastSuccessAt moves
    expect(isStatePatch(patch)).toBe(true);
  });

  it('replays a poll where sessions come, go and report no use, and sends samples when it cannot', () => {
    const quiet = makeSession({ id: 'q', cpu: { requested: 1, used: null }, ramGB: { requested: 2, used: null } });
    let s = reduce(initialState(), { type: 'poll.succeeded', sessions: [makeSession({ id: 'a' }), makeSession({ id: 'gone' }), quiet], at: T0 });
    s = reduce(s, { type: 'poll.succeeded', sessions: [makeSession({ id: 'a' }), makeSession({ id: 'gone' }), quiet], at: T0 + 2000 });
    const next = reduce(s, {
      type: 'poll.succeeded',
      sessions: [makeSession({ id: 'a', cpu: { requested: 2, used: 1.25 } }), makeSession({ id: 'new' }), quiet],
      at: T0 + 4000,
    });
    const patch = overTheWire(makePatch(s, next)!);
    expect(patch.usage).toEqual({ poll: T0 + 4000 });
    expect(clientPart(applyPatch(s, patch))).toEqual(clientPart(next));
    expect(Object.keys(applyPatch(s, patch).usage).sort()).toEqual(['a', 'new']);
    // A usage change the poll does not explain (here: one history appended by hand) goes as samples.
    const odd = { ...next, usage: { ...next.usage, a: appendUsage(next.usage.a, { t: T0 + 5000, cpu: 9, ram: 9 }) } };
    const explicit = overTheWire(makePatch(next, odd)!);
    expect(explicit.usage).toEqual({ append: { a: { t: T0 + 5000, cpu: 9, ram: 9 } } });
    expect(clientPart(applyPatch(next, explicit))).toEqual(clientPart(odd));
  });

  it('falls back to the whole history when replaying one sample would not reproduce it', () => {
    const s = reduce(initialState(), { type: 'poll.succeeded', sessions: [makeSession({ id: 'a' })], at: T0 });
    const rewritten: DaemonState = { ...s, usage: { a: appendUsage(undefined, { t: T0 - 5000, cpu: 9, ram: 9 }, T0) } };
    const patch = makePatch(s, rewritten)!;
    expect(patch.usage).toEqual({ set: { a: rewritten.usage.a } });
    expect(applyPatch(s, patch)).toEqual(rewritten);
  });

  it('carries changed sessions and removed ids only', () => {
    const s = reduce(initialState(), { type: 'poll.succeeded', sessions: [makeSession({ id: 'a' }), makeSession({ id: 'b' })], at: T0 });
    const next = reduce(s, { type: 'poll.succeeded', sessions: [makeSession({ id: 'a', status: 'Terminating' })], at: T0 + 1 });
    expect(makePatch(s, next)!.sessions).toEqual({ update: { a: { status: 'Terminating' } }, del: ['b'] });
    expect(clientPart(applyPatch(s, makePatch(s, next)!))).toEqual(clientPart(next));
  });

  it('diffs records and lists', () => {
    expect(diffRecord({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 })).toEqual({ set: { b: 3, c: 4 } });
    expect(diffRecord({ a: 1 }, { a: 1 })).toBeUndefined();
    expect(applyRecord({ a: 1, b: 2 }, { set: { c: 3 }, del: ['a'] })).toEqual({ b: 2, c: 3 });
    expect(diffList([1, 2, 3], [2, 3, 4])).toEqual({ drop: 1, append: [4] });
    expect(diffList([1, 2, 3], [1, 2, 3])).toBeUndefined();
    expect(diffList([1, 2], [9])).toEqual({ drop: 2, append: [9] });
    expect(applyList([1, 2, 3], { drop: 1, append: [4] })).toEqual([2, 3, 4]);
  });

  it('is pure: applyPatch leaves its input alone', () => {
    const s: DaemonState = initialState();
    const frozen = JSON.stringify(s);
    applyPatch(s, { sessions: { set: { a: makeSession({ id: 'a' }) } }, fields: { lastPollAt: 5 } });
    expect(JSON.stringify(s)).toBe(frozen);
  });
});
