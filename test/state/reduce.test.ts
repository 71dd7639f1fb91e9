import { reviveState } from '../../src/state/revive.js';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/state/actions.js';
import { reduce, reduceAll } from '../../src/state/reduce.js';
import { DELETE_WINDOW_MS, initialState, MAX_EMITTED_KEYS, MAX_LAUNCHES, MAX_NOTICES, MAX_NOTIFICATIONS, type DaemonState } from '../../src/state/state.js';
import { historyPoints } from '../../src/state/history.js';
import { makeSession, T0 } from './builders.js';

const err = { code: 'NETWORK_ERROR' as const, message: 'GET https://x/session: connection refused' };
const auth = { code: 'SKAHA_UNAUTHORIZED' as const, message: 'GET https://x/session: 401' };
const stats = { cpu: { allocated: 10, capacity: 100, maxPerSession: 16 }, ramGB: { allocated: 40, capacity: 400, maxPerSession: 64 } };
const s1 = makeSession({ id: 's1' });
const s2 = makeSession({ id: 's2', status: 'Pending', cpu: { requested: 1, used: null }, ramGB: { requested: 2, used: null } });
const polled = (at = T0, sessions = [s1, s2]): Action => ({ type: 'poll.succeeded', sessions, at });

type Row = { name: string; before?: Action[]; action: Action; expect: (s: DaemonState, prev: DaemonState) => void };

const rows: Row[] = [
  {
    name: 'poll.succeeded stores sessions by id, samples usage of reporting sessions, marks health ok',
    action: polled(),
    expect: (s) => {
      expect(Object.keys(s.sessions)).toEqual(['s1', 's2']);
      expect(historyPoints(s.usage.s1)).toEqual([{ t: T0, cpu: 0.5, ram: 2 }]);
      expect(s.usage.s2).toBeUndefined();
      expect(s.health).toMatchObject({ state: 'ok', since: T0, stale: false, lastSuccessAt: T0, failingSince: null });
      expect(s.lastPollAt).toBe(T0);
    },
  },
  {
    name: 'poll.succeeded drops usage of sessions that left',
    before: [polled(T0)],
    action: polled(T0 + 2000, [s2]),
    expect: (s) => expect(Object.keys(s.usage)).toEqual([]),
  },
  {
    name: 'poll.failed keeps sessions, marks them stale, degraded before 2 min',
    before: [polled(T0)],
    action: { type: 'poll.failed', error: err, at: T0 + 15_000 },
    expect: (s) => {
      expect(Object.keys(s.sessions)).toEqual(['s1', 's2']);
      expect(s.health).toMatchObject({ state: 'degraded', stale: true, failingSince: T0 + 15_000, lastError: err });
    },
  },
  {
    name: 'poll.failed for 2 min turns health down, since the transition',
    before: [polled(T0), { type: 'poll.failed', error: err, at: T0 + 1000 }],
    action: { type: 'poll.failed', error: err, at: T0 + 1000 + 120_000 },
    expect: (s) => expect(s.health).toMatchObject({ state: 'down', since: T0 + 121_000, failingSince: T0 + 1000 }),
  },
  {
    name: 'an auth failure is "refused" at once (credentials refused, not the platform down)',
    before: [polled(T0)],
    action: { type: 'poll.failed', error: auth, at: T0 + 1000 },
    expect: (s) => expect(s.health.state).toBe('refused'),
  },
  {
    name: 'stats.failed while sessions answer leaves health ok (the platform load is unavailable); stats history untouched',
    before: [polled(T0)],
    action: { type: 'stats.failed', error: { code: 'SKAHA_UNAVAILABLE', message: '503' }, at: T0 + 1 },
    expect: (s) => {
      expect(s.health).toMatchObject({ state: 'ok', statsFailing: true, lastError: null });
      expect(historyPoints(s.statsHistory)).toEqual([]);
    },
  },
  {
    name: 'stats.succeeded records stats and history and clears statsFailing',
    before: [polled(T0), { type: 'stats.failed', error: err, at: T0 + 1 }],
    action: { type: 'stats.succeeded', stats, at: T0 + 2 },
    expect: (s) => {
      expect(s.stats).toEqual(stats);
      expect(s.lastStatsAt).toBe(T0 + 2);
      expect(historyPoints(s.statsHistory)).toEqual([{ t: T0 + 2, cpuAllocated: 10, cpuCapacity: 100, ramAllocated: 40, ramCapacity: 400 }]);
      expect(s.health).toMatchObject({ state: 'ok', statsFailing: false });
    },
  },
  {
    name: 'daemon.started marks cached data stale until a poll succeeds',
    before: [polled(T0)],
    action: { type: 'daemon.started', at: T0 + 5000 },
    expect: (s) => expect(s.health.stale).toBe(true),
  },
  {
    name: 'context.loaded stores the context',
    action: {
      type: 'context.loaded',
      context: {
        cores: { default: 2, defaultRequest: 1, defaultLimit: 4, options: [1, 2] },
        ramGB: { default: 8, defaultRequest: 4, defaultLimit: 16, options: [8] },
        gpus: { options: [] },
        maxInteractiveSessions: 3,
      },
      at: T0,
    },
    expect: (s) => expect(s.context?.maxInteractiveSessions).toBe(3),
  },
  {
    name: 'credentials.checked keeps kind, source, expiry and path only',
    action: { type: 'credentials.checked', credentials: { kind: 'token', source: 'env', expiresAt: '2026-12-01T00:00:00Z', token: 'SECRET' } as never, at: T0 },
    expect: (s) => expect(s.credentials).toEqual({ kind: 'token', source: 'env', expiresAt: '2026-12-01T00:00:00Z' }),
  },
  {
    name: 'launch.requested records a sanitised request and activity',
    action: {
      type: 'launch.requested',
      launchId: 'L1',
      request: { name: 'j', image: 'i', kind: 'headless', registryAuth: { username: 'u', secret: 'S3CR3T' } },
      at: T0,
    },
    expect: (s) => {
      expect(s.launches).toEqual([
        { id: 'L1', at: T0, results: null, error: null, request: { name: 'j', image: 'i', kind: 'headless', registryAuthUsed: true, registryUsername: 'u' } },
      ]);
      expect(JSON.stringify(s)).not.toContain('S3CR3T');
      expect(s.lastActivityAt).toBe(T0);
    },
  },
  {
    name: 'launch.completed stores per-replica results',
    before: [{ type: 'launch.requested', launchId: 'L1', request: { name: 'j', image: 'i', kind: 'headless' }, at: T0 }],
    action: { type: 'launch.completed', launchId: 'L1', results: [{ name: 'j', id: 'x1' }], at: T0 + 1 },
    expect: (s) => expect(s.launches[0].results).toEqual([{ name: 'j', id: 'x1' }]),
  },
  {
    name: 'launch.failed stores the error',
    before: [{ type: 'launch.requested', launchId: 'L1', request: { name: 'j', image: 'i', kind: 'headless' }, at: T0 }],
    action: { type: 'launch.failed', launchId: 'L1', error: { code: 'VALIDATION_ERROR', message: 'name: bad' }, at: T0 + 1 },
    expect: (s) => expect(s.launches[0].error?.code).toBe('VALIDATION_ERROR'),
  },
  {
    name: 'session.deleted remembers the request; a later poll forgets it after the window',
    before: [{ type: 'session.deleted', ids: ['s1'], at: T0 }],
    action: polled(T0 + DELETE_WINDOW_MS + 1),
    expect: (s) => expect(s.deletes).toEqual({}),
  },
  {
    name: 'session.renewed counts as activity',
    action: { type: 'session.renewed', ids: ['s1'], at: T0 + 7 },
    expect: (s) => expect(s.lastActivityAt).toBe(T0 + 7),
  },
  {
    name: 'events.emitted records keys once (the first time wins)',
    before: [{ type: 'events.emitted', keys: ['a'], at: T0 }],
    action: { type: 'events.emitted', keys: ['a', 'b'], at: T0 + 5 },
    expect: (s) => expect(s.emitted).toEqual({ a: T0, b: T0 + 5 }),
  },
  {
    name: 'notification.sent logs it and marks its key',
    action: { type: 'notification.sent', notification: { key: 'k', title: 't', body: 'b', urgency: 'normal' }, at: T0 },
    expect: (s) => {
      expect(s.notifications).toEqual([{ key: 'k', title: 't', body: 'b', urgency: 'normal', at: T0 }]);
      expect(s.emitted).toEqual({ k: T0 });
    },
  },
  {
    name: 'config.changed applies settings and clears a warning',
    before: [{ type: 'config.rejected', message: 'bad', at: T0 }],
    action: { type: 'config.changed', settings: { downAfterMs: 5000 }, at: T0 + 1 },
    expect: (s) => {
      expect(s.settings.downAfterMs).toBe(5000);
      expect(s.config).toEqual({ changedAt: T0 + 1, warning: null });
    },
  },
  {
    name: 'config.rejected keeps settings and records the warning',
    action: { type: 'config.rejected', message: 'config.json: intervals.fast must be a number', at: T0 },
    expect: (s, prev) => {
      expect(s.settings).toEqual(prev.settings);
      expect(s.config.warning).toContain('intervals.fast');
    },
  },
  {
    name: 'an unknown action leaves the state as it is',
    action: { type: 'future.thing', at: T0 } as unknown as Action,
    expect: (s, prev) => expect(s).toBe(prev),
  },
];

describe('reduce', () => {
  it.each(rows)('$name', ({ before = [], action, expect: check }) => {
    const prev = reduceAll(initialState(), before);
    const frozen = JSON.stringify(prev);
    const next = reduce(prev, action);
    check(next, prev);
    expect(JSON.stringify(prev)).toBe(frozen); // pure: the input is never mutated
    expect(reviveState(JSON.parse(JSON.stringify(next)))).toEqual(next); // survives JSON (histories in their JSON form)
  });

  it('bounds the launch list, the notification log and the emitted keys', () => {
    let s = initialState();
    for (let i = 0; i < MAX_LAUNCHES + 5; i++)
      s = reduce(s, { type: 'launch.requested', launchId: `L${i}`, request: { name: 'n', image: 'i', kind: 'notebook' }, at: T0 + i });
    for (let i = 0; i < MAX_NOTIFICATIONS + 5; i++)
      s = reduce(s, { type: 'notification.sent', notification: { key: `k${i}`, title: '', body: '', urgency: 'low' }, at: T0 + i });
    s = reduce(s, { type: 'events.emitted', keys: Array.from({ length: MAX_EMITTED_KEYS + 10 }, (_, i) => `e${i}`), at: T0 + 1000 });
    expect(s.launches).toHaveLength(MAX_LAUNCHES);
    expect(s.launches[0].id).toBe('L5');
    expect(s.notifications).toHaveLength(MAX_NOTIFICATIONS);
    expect(s.notifications.at(-1)?.key).toBe(`k${MAX_NOTIFICATIONS + 4}`);
    expect(Object.keys(s.emitted)).toHaveLength(MAX_EMITTED_KEYS);
    expect(s.emitted.k0).toBeUndefined();
  });

  it('keeps the keys of level-triggered events when a flood of new keys goes over the cap', () => {
    let s = reduce(initialState(), { type: 'events.emitted', keys: ['expiring:a1:2026-12-07T10:00:00Z:600', 'credentials:token:x:3600', 'added:a1'], at: T0 });
    s = reduce(s, { type: 'events.emitted', keys: Array.from({ length: MAX_EMITTED_KEYS * 2 }, (_, i) => `added:f${i}`), at: T0 + 1000 });
    expect(Object.keys(s.emitted)).toHaveLength(MAX_EMITTED_KEYS);
    expect(s.emitted['expiring:a1:2026-12-07T10:00:00Z:600']).toBe(T0);
    expect(s.emitted['credentials:token:x:3600']).toBe(T0);
    expect(s.emitted['added:a1']).toBeUndefined();
  });

  it('forgets emitted keys after their time to live', () => {
    let s = reduce(initialState(), { type: 'events.emitted', keys: ['old'], at: T0 });
    s = reduce(s, { type: 'events.emitted', keys: ['new'], at: T0 + 9 * 24 * 3600_000 });
    expect(Object.keys(s.emitted)).toEqual(['new']);
  });

  it('keeps notices (at most MAX_NOTICES, one per key) until they are acknowledged', () => {
    let s = initialState();
    for (let i = 0; i < MAX_NOTICES + 3; i++) s = reduce(s, { type: 'notice.raised', notice: { key: `n${i}`, message: `moved ${i}`, at: T0 + i }, at: T0 + i });
    s = reduce(s, { type: 'notice.raised', notice: { key: 'n5', message: 'again', at: T0 + 99 }, at: T0 + 99 });
    expect(s.notices).toHaveLength(MAX_NOTICES);
    expect(s.notices.at(-1)).toEqual({ key: 'n5', message: 'again', at: T0 + 99 });
    expect(s.notices.filter((n) => n.key === 'n5')).toHaveLength(1);
    const acked = reduce(s, { type: 'notices.acknowledged', keys: ['n5', 'n6', 'unknown'], at: T0 + 100 });
    expect(acked.notices.map((n) => n.key)).not.toContain('n5');
    expect(acked.notices).toHaveLength(MAX_NOTICES - 2);
    expect(reduce(acked, { type: 'notices.acknowledged', keys: ['unknown'], at: T0 + 101 })).toBe(acked);
  });
});
