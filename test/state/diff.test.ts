import { describe, expect, it } from 'vitest';
import { diffSessions } from '../../src/state/diff.js';
import type { DaemonEvent } from '../../src/state/events.js';
import { byId, iso, makeJob, makeSession, T0 } from './builders.js';

const keys = (events: DaemonEvent[]) => events.map((e) => e.key);
const types = (events: DaemonEvent[]) => events.map((e) => e.type);

describe('diffSessions', () => {
  it('reports a new Pending session as added only', () => {
    const s = makeSession({ id: 'n1', status: 'Pending' });
    const events = diffSessions({}, byId(s), { now: T0 });
    expect(events).toEqual([{ type: 'session:added', key: 'added:n1', at: T0, session: s }]);
  });

  it('reports a new session first seen Running as added plus status-changed from null', () => {
    const s = makeSession({ id: 'n1' });
    const events = diffSessions({}, byId(s), { now: T0 });
    expect(keys(events)).toEqual(['added:n1', 'status:n1:Running']);
    expect(events[1]).toMatchObject({ from: null, to: 'Running' });
  });

  it('reports a status change with from and to', () => {
    const before = makeSession({ id: 'x', status: 'Pending' });
    const after = makeSession({ id: 'x', status: 'Running' });
    const events = diffSessions(byId(before), byId(after), { now: T0 });
    expect(events).toEqual([{ type: 'session:status-changed', key: 'status:x:Running', at: T0, session: after, from: 'Pending', to: 'Running' }]);
  });

  it('reports nothing when nothing changed but usage', () => {
    const before = makeSession({ id: 'x' });
    const after = makeSession({ id: 'x', cpu: { requested: 2, used: 1.9 } });
    expect(diffSessions(byId(before), byId(after), { now: T0 })).toEqual([]);
  });

  it.each([
    ['Completed', 'job:j1:Completed'],
    ['Failed', 'job:j1:Failed'],
  ])('reports a headless job reaching %s as job:finished', (status, key) => {
    const events = diffSessions(byId(makeJob({ id: 'j1' })), byId(makeJob({ id: 'j1', status })), { now: T0 });
    expect(types(events)).toEqual(['session:status-changed', 'job:finished']);
    expect(events[1].key).toBe(key);
  });

  it('does not report job:finished for interactive sessions or for finished-to-finished changes', () => {
    expect(types(diffSessions(byId(makeSession({ id: 'a' })), byId(makeSession({ id: 'a', status: 'Failed' })), { now: T0 }))).toEqual([
      'session:status-changed',
    ]);
    expect(types(diffSessions(byId(makeJob({ id: 'j', status: 'Completed' })), byId(makeJob({ id: 'j', status: 'Succeeded' })), { now: T0 }))).toEqual([
      'session:status-changed',
    ]);
  });

  it.each([
    ['deleted', { deletes: { x: T0 - 1000 } }, makeSession({ id: 'x' })],
    ['expired', {}, makeSession({ id: 'x', expiresAt: iso(T0 - 1000) })],
    ['vanished', {}, makeSession({ id: 'x' })],
    ['deleted', {}, makeSession({ id: 'x', status: 'Terminating' })],
    ['cleaned-up', {}, makeJob({ id: 'x', status: 'Completed' })],
    ['vanished', { deletes: { x: T0 - 11 * 60_000 } }, makeSession({ id: 'x' })],
  ] as const)('explains a removal as %s', (reason, extra, session) => {
    const events = diffSessions(byId(session), {}, { now: T0, ...extra });
    expect(events).toEqual([{ type: 'session:removed', key: 'removed:x', at: T0, session, reason }]);
  });

  it('warns at 1 h and at 10 min before expiry, once per threshold, keyed by expiresAt', () => {
    const expiresAt = iso(T0 + 3600_000);
    const s = makeSession({ id: 'e', expiresAt });
    const at = (ms: number) => diffSessions(byId(s), byId(s), { now: T0 + ms });
    expect(at(-1000)).toEqual([]);
    expect(keys(at(0))).toEqual([`expiring:e:${expiresAt}:3600`]);
    expect(keys(at(30 * 60_000))).toEqual([`expiring:e:${expiresAt}:3600`]);
    expect(keys(at(50 * 60_000))).toEqual([`expiring:e:${expiresAt}:600`]);
    expect(at(3600_000)).toEqual([]);
  });

  it('uses configured thresholds and skips headless and finished sessions', () => {
    const expiresAt = iso(T0 + 100_000);
    const opts = { now: T0, expiringThresholdsSec: [120] };
    expect(keys(diffSessions({}, byId(makeSession({ id: 'e', status: 'Pending', expiresAt })), { ...opts, baseline: true }))).toEqual([
      `expiring:e:${expiresAt}:120`,
    ]);
    expect(diffSessions({}, byId(makeJob({ id: 'j', expiresAt })), { ...opts, baseline: true })).toEqual([]);
    expect(diffSessions({}, byId(makeSession({ id: 'f', status: 'Failed', expiresAt })), { ...opts, baseline: true })).toEqual([]);
  });

  it('a renewal (new expiresAt) gives new expiring keys', () => {
    const a = diffSessions({}, byId(makeSession({ id: 'e', expiresAt: iso(T0 + 500_000) })), { now: T0, baseline: true });
    const b = diffSessions({}, byId(makeSession({ id: 'e', expiresAt: iso(T0 + 550_000) })), { now: T0, baseline: true });
    expect(a[0].key).not.toBe(b[0].key);
  });

  it('a baseline (first poll ever) yields no edge events', () => {
    const prev = {};
    const next = byId(makeSession({ id: 'a' }), makeJob({ id: 'b', status: 'Completed' }));
    expect(diffSessions(prev, next, { now: T0, baseline: true })).toEqual([]);
  });

  it('is pure and deterministic', () => {
    const prev = byId(makeSession({ id: 'a', status: 'Pending' }));
    const next = byId(makeSession({ id: 'a' }), makeJob({ id: 'b' }));
    const snapshot = JSON.stringify([prev, next]);
    expect(diffSessions(prev, next, { now: T0 })).toEqual(diffSessions(prev, next, { now: T0 }));
    expect(JSON.stringify([prev, next])).toBe(snapshot);
  });
});
