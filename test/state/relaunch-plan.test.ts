import { describe, expect, it } from 'vitest';
import { relaunchPlan, rerunPlan } from '../../src/state/relaunch-plan.js';
import { failedReplicas, groupReplicas } from '../../src/state/replicas.js';
import { sanitiseLaunchRequest } from '../../src/state/launches.js';
import type { LaunchRecord } from '../../src/state/state.js';
import { byId, makeJob, makeSession, T0 } from './builders.js';

const kept = (id: string, request: Parameters<typeof sanitiseLaunchRequest>[0], ids: string[]): LaunchRecord => ({
  id,
  at: T0,
  error: null,
  request: sanitiseLaunchRequest(request),
  results: ids.map((sid, i) => ({ name: `${request.name}-${i + 1}`, id: sid })),
});

describe('relaunchPlan', () => {
  it('repeats a launch the daemon kept: command, env (secrets redacted), resources; registry credentials flagged, never kept', () => {
    const record = kept(
      'L1',
      {
        kind: 'headless',
        image: 'images.canfar.net/skaha/terminal:1.1.1',
        name: 'fit',
        cores: 2,
        ram: 4,
        cmd: 'python',
        args: 'fit.py',
        env: ['MODE=fast', 'DB_PASS=hunter2'],
        registryAuth: { username: 'u', secret: 'registry-secret' },
      },
      ['job1'],
    );
    const plan = relaunchPlan('job1', null, [record]);
    expect(plan).toEqual({
      request: {
        kind: 'headless',
        image: 'images.canfar.net/skaha/terminal:1.1.1',
        name: 'fit',
        cores: 2,
        ram: 4,
        cmd: 'python',
        args: 'fit.py',
        env: ['MODE=fast', 'DB_PASS=<redacted>'],
      },
      source: 'kept',
      unknown: [],
      redacted: ['DB_PASS'],
      registry: true,
      launchId: 'L1',
      replica: null,
    });
    expect(JSON.stringify(plan)).not.toContain('hunter2');
    expect(JSON.stringify(plan)).not.toContain('registry-secret');
  });

  it('a replica of an array keeps its REPLICA_ID and the count', () => {
    const record = kept('L2', { kind: 'headless', image: 'i', name: 'arr', replicas: 3 }, ['a1', 'a2', 'a3']);
    expect(relaunchPlan('a2', null, [record])).toMatchObject({ request: { name: 'arr', replicas: 3, replicaIds: [2] }, replica: { number: 2, of: 3 } });
  });

  it('rebuilds a session it did not launch from what the listing shows, and says what it could not know', () => {
    const job = makeJob({
      id: 'other1',
      name: 'calib',
      fixed: true,
      cpu: { requested: 4, used: 1 },
      ramGB: { requested: 8.589934592, used: 1 },
      gpus: { requested: 0 },
    });
    expect(relaunchPlan('other1', job, [])).toEqual({
      request: { kind: 'headless', image: job.image, name: 'calib', cores: 4, ram: 8 },
      source: 'session',
      unknown: ['command', 'arguments', 'environment'],
      redacted: [],
      registry: false,
      launchId: null,
      replica: null,
    });
    expect(relaunchPlan('nb', makeSession({ id: 'nb', fixed: false }), [])?.request).toEqual({
      kind: 'notebook',
      image: 'images.canfar.net/skaha/astroml:latest',
      name: 'nb-nb',
    });
    expect(relaunchPlan('x', makeSession({ id: 'x', kind: 'desktop-app' }), [])).toBeNull();
    expect(relaunchPlan('gone', null, [])).toBeNull();
  });

  it('a command too long to keep is left out and said to be unknown', () => {
    const record = kept('L3', { kind: 'headless', image: 'i', name: 'big', args: 'x'.repeat(20_000) }, ['b1']);
    expect(record.request.paramsTooLarge).toBe(true);
    expect(relaunchPlan('b1', null, [record])).toMatchObject({ source: 'kept', unknown: ['command', 'arguments', 'environment'] });
  });
});

describe('rerunPlan', () => {
  it('reruns exactly the failed replicas, each with its number, and the group count', () => {
    const record = kept('L4', { kind: 'headless', image: 'i', name: 'fit', replicas: 5, cmd: 'run' }, ['f1', 'f2', 'f3', 'f4', 'f5']);
    const sessions = [1, 2, 3, 4, 5].map((i) => makeJob({ id: `f${i}`, name: `fit-${i}`, status: i === 2 || i === 5 ? 'Failed' : 'Completed' }));
    const [group] = groupReplicas(sessions, [record]);
    const failed = failedReplicas(group, byId(...sessions));
    expect(rerunPlan(group, failed, byId(...sessions), [record])).toMatchObject({
      request: { name: 'fit', cmd: 'run', replicas: 5, replicaIds: [2, 5] },
      source: 'kept',
    });
  });

  it('a group grouped by name alone is rebuilt from a member', () => {
    const sessions = [1, 2, 3].map((i) => makeJob({ id: `s${i}`, name: `sweep-${i}`, status: i === 3 ? 'Failed' : 'Completed', fixed: false }));
    const [group] = groupReplicas(sessions);
    const plan = rerunPlan(group, failedReplicas(group, byId(...sessions)), byId(...sessions), []);
    expect(plan).toMatchObject({
      request: { kind: 'headless', name: 'sweep', replicas: 3, replicaIds: [3] },
      source: 'session',
      unknown: ['command', 'arguments', 'environment'],
    });
  });
});
