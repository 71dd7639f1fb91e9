import { afterEach, describe, expect, test } from 'vitest';
import { NOTEBOOK, startTestSim, TERMINAL, type TestSim, type WireSession } from './sim-helpers.js';

let t: TestSim;
afterEach(async () => t?.close());

describe('seedSession', () => {
  test('a notebook Running for 3 days expires one day later; expiresInSeconds sets the deadline directly', async () => {
    t = await startTestSim();
    const old = t.sim.seedSession({ kind: 'notebook', ageSeconds: 3 * 86_400 });
    const soon = t.sim.seedSession({ kind: 'carta', user: 'bob', expiresInSeconds: 300 });
    const s = await t.json<WireSession>(`/session/${old}`);
    expect(s.status).toBe('Running');
    const left = Date.parse(s.expiryTime!) - t.clock.now();
    expect(left).toBeGreaterThan(86_000_000);
    // the Job started about a second after it was created
    expect(left).toBeLessThanOrEqual(86_401_000);
    t.tick(86_401);
    expect((await t.json<WireSession>(`/session/${old}`)).status).toBe('Failed');
    const bob = await fetch(`${t.sim.apiUrl}/session/${soon}`, { headers: { Authorization: `Bearer ${t.sim.tokens.bob}` } });
    expect(((await bob.json()) as WireSession).status).toBe('Failed');
  });

  test('Pending, Completed, Failed and Terminating states, with their details', async () => {
    t = await startTestSim();
    const pending = t.sim.seedSession({ kind: 'desktop', status: 'Pending', ageSeconds: 2, pendingSeconds: 30 });
    const done = t.sim.seedSession({ kind: 'headless', status: 'Completed', finishedSecondsAgo: 120 });
    const failed = t.sim.seedSession({ kind: 'notebook', status: 'Failed', finishedSecondsAgo: 60 });
    const term = t.sim.seedSession({ kind: 'notebook', status: 'Terminating' });
    const byId = new Map((await t.json<WireSession[]>('/session')).map((s) => [s.id, s]));
    expect(byId.get(pending)?.status).toBe('Pending');
    expect(byId.get(done)?.status).toBe('Completed');
    expect(byId.get(failed)?.status).toBe('Failed');
    expect(Date.parse(byId.get(failed)!.expiryTime!)).toBe(Math.floor((t.clock.now() - 60_000) / 1000) * 1000);
    expect(byId.get(term)?.status).toBe('Terminating');
    expect((await t.get(`/session/${done}?view=logs`)).text).toMatch(/done: \d+ steps\n$/);
    t.tick(28);
    expect((await t.json<WireSession>(`/session/${pending}`)).status).toBe('Running');
    t.tick(3600);
    expect((await t.json<WireSession[]>('/session')).map((s) => s.id)).not.toContain(done);
  });

  test('a group of headless replicas: names -1..N, REPLICA env, all complete', async () => {
    t = await startTestSim({ headlessRunSeconds: 20 });
    const ids = t.sim.seedReplicas({ kind: 'headless', name: 'sweep', cmd: 'env', ageSeconds: 10, runSeconds: 30 }, 3);
    expect(ids).toHaveLength(3);
    const list = await t.json<WireSession[]>('/session');
    expect(list.map((s) => [s.name, s.status])).toEqual([
      ['sweep-1', 'Running'],
      ['sweep-2', 'Running'],
      ['sweep-3', 'Running'],
    ]);
    expect((await t.get(`/session/${ids[1]}?view=logs`)).text).toContain('REPLICA_ID=2\nREPLICA_COUNT=3\n');
    t.tick(30);
    expect((await t.json<WireSession[]>('/session')).map((s) => s.status)).toEqual(['Completed', 'Completed', 'Completed']);
  });

  test('impossible specs are refused with a reason', async () => {
    t = await startTestSim();
    expect(() => t.sim.seedSession({ kind: 'notebook', status: 'Pending', ageSeconds: 10, pendingSeconds: 5 })).toThrow(/pendingSeconds/);
    expect(() => t.sim.seedSession({ kind: 'notebook', ageSeconds: 5 * 86_400 })).toThrow(/Failed/);
    expect(() => t.sim.seedSession({ kind: 'headless', status: 'Completed', finishedSecondsAgo: 7200 })).toThrow(/retention/);
    expect(() => t.sim.seedReplicas({ kind: 'notebook' }, 2)).toThrow(/headless/);
  });
});

describe('determinism', () => {
  async function transcript(seed: number): Promise<string[]> {
    const sim = await startTestSim({ seed });
    const out: string[] = [sim.sim.token];
    const nb = await sim.create(`name=nb&image=${encodeURIComponent(NOTEBOOK)}&type=notebook`);
    const job = await sim.create(`name=job&image=${encodeURIComponent(TERMINAL)}&cmd=python&args=x.py`);
    sim.sim.seedSession({ kind: 'carta' });
    for (let i = 0; i < 5; i++) {
      sim.tick(17);
      out.push((await sim.get('/session')).text, (await sim.get(`/session/${nb}?view=logs`)).text);
      out.push((await sim.get(`/session/${job}?view=logs`)).text, (await sim.get(`/session/${nb}?view=events`)).text);
    }
    out.push((await sim.get('/session?view=stats')).text);
    await sim.close();
    return out;
  }

  test('the same seed gives the same ids, tokens, usage, logs and events; another seed differs', async () => {
    const a = await transcript(11);
    expect(await transcript(11)).toEqual(a);
    const c = await transcript(12);
    expect(c[0]).not.toBe(a[0]);
    expect(c[1]).not.toBe(a[1]);
  });
});
