import { describe, expect, it } from 'vitest';
import { failedReplicas, groupReplicas, summariseReplicaEvents } from '../../src/state/replicas.js';
import { diffSessions } from '../../src/state/diff.js';
import type { LaunchRecord } from '../../src/state/state.js';
import type { Session } from '../../src/domain/session.js';
import { byId, makeJob, makeSession, T0 } from './builders.js';

const replicas = (n: number, status: (i: number) => string, base = 'fit'): Session[] =>
  Array.from({ length: n }, (_, i) => makeJob({ id: `${base}${i + 1}`, name: `${base}-${i + 1}`, status: status(i + 1) }));

describe('groupReplicas', () => {
  it('groups headless <base>-<n> sessions and counts statuses', () => {
    const sessions = [
      ...replicas(3, (i) => (i === 1 ? 'Completed' : 'Running')),
      makeJob({ id: 'solo', name: 'solo-1' }),
      makeSession({ id: 'nb', name: 'lab-1' }),
      makeSession({ id: 'nb2', name: 'lab-2' }),
    ];
    expect(groupReplicas(sessions)).toEqual([
      {
        key: 'replicas:fit:fit1',
        base: 'fit',
        total: 3,
        ids: ['fit1', 'fit2', 'fit3'],
        countsByStatus: { Completed: 1, Running: 2 },
        current: [
          { replica: 1, id: 'fit1' },
          { replica: 2, id: 'fit2' },
          { replica: 3, id: 'fit3' },
        ],
        launchId: null,
        reruns: 0,
      },
    ]);
  });

  it('prefers the launch record: exact ids and the launched total', () => {
    const sessions = replicas(2, () => 'Running');
    const launch: LaunchRecord = {
      id: 'L9',
      at: T0,
      error: null,
      request: { name: 'fit', image: 'i', kind: 'headless', replicas: 3, registryAuthUsed: false },
      results: [
        { name: 'fit-1', id: 'fit1' },
        { name: 'fit-2', id: 'fit2' },
        { name: 'fit-3', error: { code: 'SKAHA_SERVER_ERROR', message: 'x' } },
      ],
    };
    expect(groupReplicas(sessions, [launch])).toEqual([
      {
        key: 'replicas:L9',
        base: 'fit',
        total: 3,
        ids: ['fit1', 'fit2'],
        countsByStatus: { Running: 2 },
        current: [
          { replica: 1, id: 'fit1' },
          { replica: 2, id: 'fit2' },
        ],
        launchId: 'L9',
        reruns: 0,
      },
    ]);
  });

  it('a rerun of some replicas joins its group: their new attempts count, the failed ones stay members', () => {
    const sessions = [
      ...replicas(4, (i) => (i === 2 || i === 4 ? 'Failed' : 'Completed')),
      makeJob({ id: 'new2', name: 'fit-2', status: 'Completed' }),
      makeJob({ id: 'new4', name: 'fit-4', status: 'Running' }),
    ];
    const request = { name: 'fit', image: 'i', kind: 'headless' as const, replicas: 4, registryAuthUsed: false };
    const first: LaunchRecord = { id: 'L1', at: T0, error: null, request, results: [1, 2, 3, 4].map((i) => ({ name: `fit-${i}`, id: `fit${i}` })) };
    const rerun: LaunchRecord = {
      id: 'L2',
      at: T0 + 1,
      error: null,
      request: { ...request, replicaIds: [2, 4] },
      results: [
        { name: 'fit-2', id: 'new2' },
        { name: 'fit-4', id: 'new4' },
      ],
    };
    const [group, ...others] = groupReplicas(sessions, [first, rerun]);
    expect(others).toEqual([]);
    expect(group).toMatchObject({ key: 'replicas:L1', total: 4, reruns: 1, countsByStatus: { Completed: 3, Running: 1 } });
    expect(group.ids).toEqual(['fit1', 'fit2', 'fit3', 'fit4', 'new2', 'new4']);
    expect(group.current).toEqual([
      { replica: 1, id: 'fit1' },
      { replica: 2, id: 'new2' },
      { replica: 3, id: 'fit3' },
      { replica: 4, id: 'new4' },
    ]);
    // Only the latest attempt counts: replica 2 succeeded on its rerun, so it is no longer failed.
    expect(failedReplicas(group, byId(...sessions))).toEqual([]);
    expect(failedReplicas(groupReplicas(sessions, [first])[0], byId(...sessions))).toEqual([
      { replica: 2, id: 'fit2' },
      { replica: 4, id: 'fit4' },
    ]);
  });

  it('by name alone, the latest start of a replica number is its current attempt', () => {
    const sessions = [
      makeJob({ id: 'a1', name: 'arr-1', status: 'Completed', startedAt: '2026-11-22T10:00:00Z' }),
      makeJob({ id: 'a2', name: 'arr-2', status: 'Failed', startedAt: '2026-11-22T10:00:00Z' }),
      makeJob({ id: 'b2', name: 'arr-2', status: 'Completed', startedAt: '2026-11-22T11:00:00Z' }),
    ];
    const [group] = groupReplicas(sessions);
    expect(group.current).toEqual([
      { replica: 1, id: 'a1' },
      { replica: 2, id: 'b2' },
    ]);
    expect(group.total).toBe(2);
    expect(failedReplicas(group, byId(...sessions))).toEqual([]);
  });
});

describe('summariseReplicaEvents', () => {
  it('turns 12 per-replica completions into one "12/12" summary once the group finished', () => {
    const before = byId(...replicas(12, (i) => (i <= 10 ? 'Completed' : 'Running')));
    const mid = byId(...replicas(12, (i) => (i <= 11 ? 'Completed' : 'Running')));
    const after = byId(...replicas(12, () => 'Completed'));
    const step1 = summariseReplicaEvents(diffSessions(before, mid, { now: T0 }), mid);
    expect(step1.map((e) => e.type)).toEqual(['session:status-changed']);
    const step2 = summariseReplicaEvents(diffSessions(mid, after, { now: T0 + 1 }), after);
    expect(step2.filter((e) => e.type !== 'session:status-changed')).toEqual([
      { type: 'replicas:summary', key: 'replicas:fit:fit1', at: T0 + 1, base: 'fit', total: 12, completed: 12, failed: 0, ids: Object.keys(after).sort() },
    ]);
  });

  it('gives a partial summary with failures, and keeps lone jobs as they are', () => {
    const before = byId(...replicas(4, () => 'Running'), makeJob({ id: 'lone', name: 'lone' }));
    const after = byId(...replicas(4, (i) => (i === 2 ? 'Failed' : 'Completed')), makeJob({ id: 'lone', name: 'lone', status: 'Failed' }));
    const out = summariseReplicaEvents(diffSessions(before, after, { now: T0 }), after);
    expect(out.filter((e) => e.type === 'job:finished').map((e) => e.key)).toEqual(['job:lone:Failed']);
    expect(out.find((e) => e.type === 'replicas:summary')).toMatchObject({ completed: 3, failed: 1, total: 4 });
  });
});
