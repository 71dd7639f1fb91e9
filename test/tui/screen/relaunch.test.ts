import { describe, expect, it } from 'vitest';
import type { LaunchRequest } from '../../../src/domain/launch.js';
import { sanitiseLaunchRequest } from '../../../src/state/launches.js';
import type { LaunchRecord } from '../../../src/state/state.js';
import { makeSession, T0 } from '../../helpers/builders.js';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { stateWith } from '../helpers/states.js';

const start = useHeadlessDashboard();

const job = (id: string, name: string, status: string) =>
  makeSession({ id, name, kind: 'headless', status, url: null, expiresAt: null, startedAt: new Date(T0 - 600_000).toISOString() });
const record = (id: string, request: LaunchRequest, ids: string[], replicaIds?: number[]): LaunchRecord => ({
  id,
  at: T0 - 700_000,
  error: null,
  request: sanitiseLaunchRequest({ ...request, ...(replicaIds ? { replicaIds } : {}) }),
  results: ids.map((sid, i) => ({ name: `${request.name}-${replicaIds?.[i] ?? i + 1}`, id: sid })),
});
const arr: LaunchRequest = { kind: 'headless', image: 'images.canfar.net/skaha/terminal:1.1.1', name: 'arr', replicas: 4, cmd: 'python', args: 'run.py' };
const arrSessions = () => [
  job('arr00001', 'arr-1', 'Completed'),
  job('arr00002', 'arr-2', 'Failed'),
  job('arr00003', 'arr-3', 'Completed'),
  job('arr00004', 'arr-4', 'Failed'),
];

function connectionWith(
  sessions = arrSessions(),
  launches = [
    record(
      'L1',
      arr,
      sessions.map((s) => s.id),
    ),
  ],
) {
  const conn = new FakeConnection(stateWith(sessions, { launches }));
  conn.on('launch', (params) => ({ launchId: 'L9', results: (params.replicaIds ?? [1]).map((n, i) => ({ name: `${params.name}-${n}`, id: `new0000${i}` })) }));
  return conn;
}

describe('c on a replica group: rerun its failed replicas', () => {
  it('shows exactly what will be rerun and the equivalent command, and sends only the failed replicas with their numbers', async () => {
    const { h, connection } = await start(connectionWith(), { env: { NO_COLOR: '1' } });
    await h.keys('a', 'g', 'c');
    const text = h.text();
    expect(text).toContain('Rerun 2 failed replicas of arr (of 4)?');
    expect(text).toContain('As it was launched (the daemon kept its launch):');
    expect(text).toMatch(/Command\s+python run\.py/);
    expect(text).toMatch(/Replicas\s+2, 4 of 4, each with its REPLICA_ID/);
    expect(text).toContain('skaha-tui relaunch arr --failed');
    await h.keys('y');
    const sent = connection.sent.filter((r) => r.method === 'launch');
    expect(sent).toHaveLength(1);
    expect(sent[0].params).toEqual({ ...arr, replicaIds: [2, 4] });
    expect(h.text()).toContain('launched arr-2, arr-4');
  });

  it('a group whose replicas all succeeded (after a rerun too) has nothing to rerun, and the row counts the latest attempts', async () => {
    const sessions = [...arrSessions(), job('rerun002', 'arr-2', 'Completed'), job('rerun004', 'arr-4', 'Completed')];
    const launches = [
      record(
        'L1',
        arr,
        arrSessions().map((s) => s.id),
      ),
      record('L2', arr, ['rerun002', 'rerun004'], [2, 4]),
    ];
    const { h, connection } = await start(connectionWith(sessions, launches), { env: { NO_COLOR: '1' } });
    await h.keys('a', 'g');
    expect(h.text()).toMatch(/arr\s+headless\s+\[━+\] 4\/4 done {2}4 Completed/);
    await h.keys('c');
    expect(h.text()).toContain('no failed replicas in arr (4 Completed)');
    expect(connection.methods()).not.toContain('launch');
  });
});

describe('c on a session: launch it again', () => {
  it('a session the daemon did not launch is rebuilt, saying what could not be known', async () => {
    const nb = makeSession({ id: 'nb000001', name: 'nb-main', cpu: { requested: 2, used: 0.5 }, ramGB: { requested: 8.589934592, used: 1 } });
    const conn = new FakeConnection(stateWith([nb, job('hl000009', 'lonejob', 'Completed')]));
    conn.on('launch', (params) => ({ launchId: 'L9', results: [{ name: params.name, id: 'again001' }] }));
    const { h, connection } = await start(conn, { env: { NO_COLOR: '1' } });
    await h.keys('g', 'c');
    expect(h.text()).toContain('Launch nb-main (nb000001) again?');
    expect(h.text()).toContain('Rebuilt from what the session shows:');
    expect(h.text()).toMatch(/Resources\s+2 cores, 8 GiB/);
    expect(h.text()).toContain('skaha-tui relaunch nb000001');
    expect(h.text()).not.toContain('could not be known');
    await h.keys('escape');
    expect(h.text()).not.toContain('again?');
    await h.keys('a', 'g', 'c');
    expect(h.text()).toContain('Launch lonejob (hl000009) again?');
    expect(h.text()).toContain('Its command, arguments and environment could not be known: it was not launched through skaha-tui');
    await h.keys('n');
    await h.keys('G', 'c', 'y');
    expect(connection.sent.find((r) => r.method === 'launch')?.params).toEqual({
      kind: 'notebook',
      image: 'images.canfar.net/skaha/astroml:latest',
      name: 'nb-main',
      cores: 2,
      ram: 8,
    });
  });

  it('a secret that was not kept must be given again: y refuses, e opens the launch form with it flagged', async () => {
    const request: LaunchRequest = {
      kind: 'headless',
      image: 'images.canfar.net/skaha/terminal:1.1.1',
      name: 'sec',
      env: ['MODE=fast', 'DB_PASS=hunter2'],
      cmd: 'true',
    };
    const conn = connectionWith([job('sec00001', 'sec', 'Completed')], [record('L5', request, ['sec00001'])]);
    const { h, connection } = await start(conn, { env: { NO_COLOR: '1' } });
    await h.keys('a', 'g', 'c');
    expect(h.text()).toMatch(/Env\s+MODE=fast DB_PASS=<redacted>/);
    expect(h.text()).toContain('DB_PASS was not kept (secret): press [e] to give it in the launch form.');
    expect(h.text()).not.toContain('hunter2');
    await h.keys('y');
    expect(connection.methods()).not.toContain('launch');
    expect(h.text()).toContain('DB_PASS must be given again first: press e to edit');
    await h.keys('e');
    expect(h.text()).toContain('Launch a session');
    expect(h.text()).toContain('re-enter the values shown as <redacted>');
  });

  it('read-only mode refuses c', async () => {
    const { h, connection } = await start(connectionWith(), { readonly: true, env: { NO_COLOR: '1' } });
    await h.keys('a', 'g', 'c');
    expect(h.text()).toContain('read-only: relaunch is disabled');
    expect(connection.methods()).not.toContain('launch');
  });
});
