// The acceptance round trip: the BUILT binary against an in-process simulator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { assertBuilt, isolatedEnv, pollUntil, runBin } from './spawn-cli.js';

interface JsonSession {
  id: string;
  name: string;
  status: string;
  expiresAt: string | null;
}

let home: string;

beforeAll(() => {
  assertBuilt();
  home = mkdtempSync(join(tmpdir(), 'skaha-cli-e2e-'));
});
afterAll(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

async function json<T>(sim: RunningSimulator, args: string[]): Promise<T> {
  const r = await runBin(args, isolatedEnv(home, { SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token }));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('a notebook, on a simulator whose clock only moves when the test says so', () => {
  const clock = new FakeClock();
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ speed: 100, seed: 7, clock });
  });
  afterAll(() => sim.close());
  const cli = (args: string[]) => runBin(args, isolatedEnv(home, { SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token }));

  it('launches, goes Pending then Running, renews, shows logs and events, and is deleted', { timeout: 60_000 }, async () => {
    const launched = await json<Array<{ name: string; id: string }>>(sim, ['launch', 'notebook', 'skaha/astroml:latest', '--name', 'e2e-nb', '--json']);
    expect(launched).toEqual([{ name: 'e2e-nb', id: expect.stringMatching(/^[a-z][a-z0-9]{7}$/) }]);
    const id = launched[0].id;

    const statuses: string[] = [];
    await pollUntil(
      async () => {
        const mine = (await json<JsonSession[]>(sim, ['ps', '--json'])).find((s) => s.id === id);
        statuses.push(mine?.status ?? 'missing');
        if (mine?.status === 'Running') return true;
        clock.advance(20); // 20 ms at speed 100 = 2 simulated seconds; pending takes 5–8
        return undefined;
      },
      'the notebook to run',
      20,
      0,
    );
    expect(statuses[0]).toBe('Pending');
    expect(statuses.at(-1)).toBe('Running');
    expect(statuses.filter((s) => s !== 'Pending' && s !== 'Running')).toEqual([]);

    const [before] = await json<JsonSession[]>(sim, ['info', id, '--json']);
    clock.advance(5_000); // renew sets expiry = now + session lifetime, so it moves by what has elapsed
    const renewed = await cli(['renew', id]);
    expect(renewed.code).toBe(0);
    expect(renewed.stdout).toMatch(new RegExp(`^Renewed session ${id} until \\d\\d:\\d\\d \\w{3} `));
    const [after] = await json<JsonSession[]>(sim, ['info', id, '--json']);
    expect(Date.parse(after.expiresAt!)).toBeGreaterThan(Date.parse(before.expiresAt!));

    const logs = await cli(['logs', id]);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain(id);

    const events = await json<Array<Record<string, unknown>>>(sim, ['events', id, '--json']);
    expect(events.map((e) => e.reason)).toEqual(expect.arrayContaining(['Scheduled', 'Pulled', 'Started']));
    for (const e of events) expect(Object.keys(e)).toEqual(['type', 'reason', 'message', 'firstTime', 'lastTime']);

    const refused = await cli(['delete', id]);
    expect(refused.code).toBe(2);
    const deleted = await cli(['delete', '--force', id]);
    expect(deleted).toMatchObject({ code: 0, stdout: `Deleted session ${id}.\n`, stderr: '' });
    expect((await json<JsonSession[]>(sim, ['ps', '--json'])).map((s) => s.id)).not.toContain(id);
    clock.advance(60_000);
    const gone = await cli(['info', id, '--json']);
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.stderr).error.code).toBe('SKAHA_NOT_FOUND');
  });
});

describe('headless replicas, on a simulator running in real time at speed 100', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ speed: 100, seed: 11, headlessRunSeconds: 5 });
  });
  afterAll(() => sim.close());

  it('launches 3 replicas of `echo hi` and sees all 3 Completed in ps --all --json', { timeout: 60_000 }, async () => {
    const launched = await json<Array<{ name: string; id: string }>>(sim, [
      'launch',
      'headless',
      'skaha/terminal:1.1.1',
      '--replicas',
      '3',
      '--name',
      'e2e-job',
      '--json',
      '--',
      'echo',
      'hi',
    ]);
    expect(launched.map((r) => r.name)).toEqual(['e2e-job-1', 'e2e-job-2', 'e2e-job-3']);
    const ids = launched.map((r) => r.id);
    expect(new Set(ids).size).toBe(3);

    const finished = await pollUntil(async () => {
      const mine = (await json<JsonSession[]>(sim, ['ps', '--all', '--json'])).filter((s) => ids.includes(s.id));
      return mine.length === 3 && mine.every((s) => s.status === 'Completed') ? mine : undefined;
    }, 'three completed replicas');
    expect(finished.map((s) => s.name).sort()).toEqual(['e2e-job-1', 'e2e-job-2', 'e2e-job-3']);
    const logs = await runBin(['logs', ids[1]], isolatedEnv(home, { SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token }));
    expect(logs).toMatchObject({ code: 0, stdout: 'hi\n' });
    const active = await json<JsonSession[]>(sim, ['ps', '--json']);
    expect(active.filter((s) => ids.includes(s.id))).toEqual([]);
  });
});
