import { describe, expect, it } from 'vitest';
import { initialState, type DaemonState } from '../../src/state/state.js';
import { reduce, reduceAll } from '../../src/state/reduce.js';
import { deriveEvents } from '../../src/state/derive-events.js';
import type { Session } from '../../src/domain/session.js';
import type { SessionEvent } from '../../src/domain/platform.js';
import { iso, makeJob, makeSession, T0 } from './builders.js';

const poll = (at: number, ...sessions: Session[]) => ({ type: 'poll.succeeded' as const, sessions, at });
const seen = (at: number, id: string, events: SessionEvent[] | null) => ({ type: 'events.observed' as const, observations: [{ id, events }], at });
const pulling: SessionEvent[] = [{ type: 'Normal', reason: 'Pulling', message: 'Pulling image "x"', firstTime: iso(T0), lastTime: iso(T0) }];

describe('insights: why Pending, why Failed, how long jobs waited', () => {
  const pending = makeJob({ id: 'job00001', status: 'Pending', startedAt: null });
  const running = { ...pending, status: 'Running', startedAt: iso(T0 + 60_000) };

  it('a launched job: Pending since its launch, queued, then pulling, then Running records the wait', () => {
    let s: DaemonState = reduceAll(initialState(), [
      poll(T0 - 10_000),
      { type: 'launch.requested', launchId: 'l1', request: { name: 'job', image: 'x', kind: 'headless' }, at: T0 },
      { type: 'launch.completed', launchId: 'l1', results: [{ name: 'job', id: 'job00001' }], at: T0 + 500 },
      poll(T0 + 2000, pending),
    ]);
    expect(s.insights.job00001.pending).toMatchObject({ code: 'unknown', since: T0, exact: true, requeued: false });
    s = reduce(s, seen(T0 + 3000, 'job00001', null));
    expect(s.insights.job00001.pending).toMatchObject({ code: 'queued', reason: 'queued — no pod yet (Kueue)', since: T0 });
    s = reduce(s, poll(T0 + 30_000, pending));
    expect(s.insights.job00001.pending?.code).toBe('queued');
    s = reduce(s, seen(T0 + 40_000, 'job00001', pulling));
    expect(s.insights.job00001.pending).toMatchObject({ code: 'pulling', reason: 'pulling image' });
    s = reduce(s, poll(T0 + 60_000, running));
    expect(s.insights.job00001).toBeUndefined();
    expect(s.waits).toEqual([{ kind: 'headless', cores: 2, ramGB: 8, waitedMs: 60_000, at: T0 + 60_000 }]);
  });

  it('a session first seen already Pending has an approximate start, and its wait is not recorded', () => {
    let s = reduce(initialState(), poll(T0, pending));
    expect(s.insights.job00001.pending).toMatchObject({ since: T0, exact: false });
    s = reduce(s, poll(T0 + 5000, running));
    expect(s.waits).toEqual([]);
  });

  it('Running then Pending with no pod is a preemption: an event, and queued again', () => {
    let s = reduceAll(initialState(), [poll(T0, running), poll(T0 + 5000, running)]);
    const before = reduce(s, poll(T0 + 10_000, pending));
    expect(before.insights.job00001.pending).toMatchObject({ requeued: true, since: T0 + 10_000 });
    s = reduce(before, seen(T0 + 11_000, 'job00001', null));
    expect(s.insights.job00001.pending).toMatchObject({ code: 'preempted', reason: 'preempted — queued again' });
    const events = deriveEvents(before, s, { now: T0 + 11_000 });
    expect(events).toEqual([expect.objectContaining({ type: 'session:preempted', key: `preempted:job00001:${T0 + 10_000}`, since: T0 + 10_000 })]);
    // Reported once: the next events read finds it preempted already.
    expect(deriveEvents(s, reduce(s, seen(T0 + 20_000, 'job00001', null)), { now: T0 + 20_000 })).toEqual([]);
  });

  it('a job whose memory reached its limit before Failed: "likely out of memory" on the finished event', () => {
    const fit = (used: number | null, status = 'Running') => makeJob({ id: 'fit00001', status, ramGB: { requested: 4.29, used } });
    let s = reduceAll(initialState(), [poll(T0, fit(1.5)), poll(T0 + 5000, fit(3)), poll(T0 + 10_000, fit(4.29)), poll(T0 + 15_000, fit(4.29))]);
    const next = reduce(s, poll(T0 + 20_000, fit(null, 'Failed')));
    expect(next.insights.fit00001.failure).toMatchObject({ code: 'oom', cause: 'likely out of memory', inferred: true });
    const events = deriveEvents(s, next, { now: T0 + 20_000 });
    expect(events.find((e) => e.type === 'job:finished')).toMatchObject({ failure: { cause: 'likely out of memory', inferred: true } });
    s = reduce(next, poll(T0 + 25_000, fit(null, 'Failed')));
    expect(s.insights.fit00001.failure?.code).toBe('oom');
  });

  it('a crash loop: the back-off seen in its events while Pending is the cause when it fails', () => {
    const flaky = (status: string) => makeJob({ id: 'crash001', status, ramGB: { requested: 4.29, used: status === 'Running' ? 1 : null } });
    const backOff: SessionEvent[] = [
      { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container c in pod p', firstTime: iso(T0), lastTime: iso(T0) },
    ];
    let s = reduceAll(initialState(), [poll(T0, flaky('Running')), poll(T0 + 5000, flaky('Pending')), seen(T0 + 6000, 'crash001', backOff)]);
    expect(s.insights.crash001.pending).toMatchObject({ code: 'crash-backoff', requeued: true });
    s = reduceAll(s, [poll(T0 + 10_000, flaky('Running')), poll(T0 + 20_000, flaky('Failed'))]);
    expect(s.insights.crash001.failure).toMatchObject({ code: 'back-off', inferred: false });
    expect(s.waits).toEqual([]);
  });

  it('an interactive session Failed at its expiry expired; insights of gone sessions are dropped', () => {
    const nb = makeSession({ id: 'nb000001', expiresAt: iso(T0 + 1000) });
    let s = reduceAll(initialState(), [poll(T0, nb), poll(T0 + 2000, { ...nb, status: 'Failed' })]);
    expect(s.insights.nb000001.failure).toMatchObject({ code: 'expired', inferred: true });
    s = reduce(s, poll(T0 + 3000));
    expect(s.insights).toEqual({});
    expect(Object.getPrototypeOf(s.insights)).toBeNull();
  });

  it('a renew check is kept with the session', () => {
    const nb = makeSession({ id: 'nb000001' });
    const s = reduceAll(initialState(), [
      poll(T0, nb),
      {
        type: 'renew.checked',
        checks: [
          { id: 'nb000001', check: { outcome: 'not-renewed', at: T0, expiresAt: nb.expiresAt, why: 'x' } },
          { id: 'gone0001', check: { outcome: 'renewed', at: T0, expiresAt: null, why: null } },
        ],
        at: T0,
      },
    ]);
    expect(s.insights.nb000001.renew).toMatchObject({ outcome: 'not-renewed' });
    expect(s.insights.gone0001).toBeUndefined();
  });
});
