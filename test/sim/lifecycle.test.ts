import { afterEach, describe, expect, test } from 'vitest';
import { NOTEBOOK, startTestSim, TERMINAL, type TestSim, type WireSession } from './sim-helpers.js';

const enc = encodeURIComponent;
let t: TestSim;
afterEach(async () => t?.close());

async function one(id: string): Promise<WireSession> {
  return t.json<WireSession>(`/session/${id}`);
}

async function ids(): Promise<string[]> {
  return (await t.json<WireSession[]>('/session')).map((s) => s.id);
}

describe('session lifecycle on the clock', () => {
  test('a notebook is Pending without startTime, gets startTime ~1 s later, and is Running after 5–8 s', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    const first = await one(id);
    expect(first.status).toBe('Pending');
    expect(first).not.toHaveProperty('startTime');
    expect(first).not.toHaveProperty('expiryTime');
    t.tick(1);
    const started = await one(id);
    expect(started.status).toBe('Pending');
    expect(started.startTime).toBe('2026-11-22T12:00:01Z');
    expect(started.expiryTime).toBe('2026-11-26T12:00:01Z');
    t.tick(3.9); // 4.9 s after creation: still pulling
    expect((await one(id)).status).toBe('Pending');
    t.tick(3.2); // 8.1 s
    expect((await one(id)).status).toBe('Running');
  });

  test('events appear over time in kubectl order: Scheduled, Pulling/Pulled, Created, Started', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    const reasons = async (): Promise<string[]> => {
      const text = (await t.get(`/session/${id}?view=events`)).text;
      if (text === '<none>\n') return [];
      return text
        .trim()
        .split('\n')
        .slice(1)
        .map((row) => row.split(/\s{2,}/)[1]);
    };
    expect(await reasons()).toEqual([]);
    const seen: string[][] = [];
    for (let i = 0; i < 10; i++) {
      t.tick(1);
      seen.push(await reasons());
    }
    const final = seen[seen.length - 1];
    expect(final.slice(0, 1)).toEqual(['Scheduled']);
    expect(final).toContain('Pulled');
    expect(final.indexOf('Created')).toBeGreaterThan(final.indexOf('Pulled'));
    expect(final.indexOf('Started')).toBeGreaterThan(final.indexOf('Created'));
    // events only ever accumulate while Pending, and the list grew step by step
    for (let i = 1; i < seen.length; i++) expect(seen[i].slice(0, seen[i - 1].length)).toEqual(seen[i - 1]);
    expect(new Set(seen.map((s) => s.length)).size).toBeGreaterThan(2);
  });

  test('an interactive session expires to Failed at expiryTime, stays listed 24 h, then vanishes', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    t.tick(10);
    const expiry = Date.parse((await one(id)).expiryTime!);
    t.clock.advance(expiry - t.clock.now() - 1000);
    expect((await one(id)).status).toBe('Running');
    t.tick(1);
    const failed = await one(id);
    expect(failed.status).toBe('Failed');
    expect(failed).not.toHaveProperty('ramInUse');
    t.tick(24 * 3600 - 1);
    expect(await ids()).toEqual([id]);
    t.tick(1);
    expect(await ids()).toEqual([]);
    expect((await t.get(`/session/${id}`)).status).toBe(404);
  });

  test('a headless job runs headlessRunSeconds, Completes, has a 14-day expiry, stays 1 h, then vanishes', async () => {
    t = await startTestSim({ headlessRunSeconds: 30 });
    const id = await t.create(`name=job&image=${enc(TERMINAL)}&cmd=python&args=run.py`);
    t.tick(9);
    const running = await one(id);
    expect(running.status).toBe('Running');
    expect(running.type).toBe('headless');
    expect(running.connectURL).toBe('');
    expect(Date.parse(running.expiryTime!) - Date.parse(running.startTime!)).toBe(14 * 86_400_000);
    t.tick(30);
    expect((await one(id)).status).toBe('Completed');
    const logs = (await t.get(`/session/${id}?view=logs`)).text;
    expect(logs).toMatch(/done: \d+ steps\n$/);
    t.tick(3600);
    expect(await ids()).toEqual([]);
  });

  test('a command with `exit 1` and the fail-jobs fault end Failed; headless sessions have no cap', async () => {
    t = await startTestSim({ maxInteractiveSessions: 1 });
    const bad = await t.create(`name=bad&image=${enc(TERMINAL)}&cmd=%2Fbin%2Fsh&args=-c+exit+1`);
    t.sim.setFaults({ failJobs: true });
    const faulty = await t.create(`name=faulty&image=${enc(TERMINAL)}&cmd=true`);
    t.sim.clearFaults();
    const good = await t.create(`name=good&image=${enc(TERMINAL)}&cmd=true`);
    t.tick(80);
    expect((await one(bad)).status).toBe('Failed');
    expect((await one(faulty)).status).toBe('Failed');
    expect((await one(good)).status).toBe('Completed');
    expect((await t.get(`/session/${bad}?view=logs`)).text).toContain('exit code 1');
  });

  test('the failReplicas switch fails only the jobs whose REPLICA_ID it lists', async () => {
    t = await startTestSim();
    t.sim.setFaults({ failReplicas: [2] });
    const replica = (n: number) => t.create(`name=arr-${n}&image=${enc(TERMINAL)}&cmd=true&env=REPLICA_ID%3D${n}&env=REPLICA_COUNT%3D3`);
    const made = [await replica(1), await replica(2), await replica(3)];
    t.tick(80);
    expect(await Promise.all(made.map(async (id) => (await one(id)).status))).toEqual(['Completed', 'Failed', 'Completed']);
  });

  test('DELETE: Terminating for a few seconds, then gone; 200 even for unknown ids', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    t.tick(10);
    const del = await t.del(`/session/${id}`);
    expect(del.status).toBe(200);
    expect(del.text).toBe('');
    expect((await one(id)).status).toBe('Terminating');
    expect((await t.get(`/session/${id}?view=events`)).text).toMatch(/Killing\s+Stopping container notebook/);
    t.tick(5);
    expect(await ids()).toEqual([]);
    expect((await t.del('/session/zzzzzzzz')).status).toBe(200);
  });

  test('a finished session is removed at once by DELETE (no Terminating)', async () => {
    t = await startTestSim({ headlessRunSeconds: 5 });
    const id = await t.create(`name=job&image=${enc(TERMINAL)}`);
    t.tick(20);
    expect((await one(id)).status).toBe('Completed');
    await t.del(`/session/${id}`);
    expect(await ids()).toEqual([]);
  });

  test('speed divides every duration: at speed 60 a notebook expires 4 d / 60 = 1.6 h after it starts', async () => {
    t = await startTestSim({ speed: 60 });
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    t.tick(0.2);
    const s = await one(id);
    expect(s.status).toBe('Running');
    expect(Date.parse(s.expiryTime!) - Date.parse(s.startTime!)).toBe(5760_000);
    t.tick(5760);
    expect((await one(id)).status).toBe('Failed');
    t.tick(1440); // 24 h / 60
    expect(await ids()).toEqual([]);
  });

  test('sim.advance moves simulated time on top of the clock', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    t.sim.advance(20_000);
    expect((await one(id)).status).toBe('Running');
    expect(t.sim.now() - t.clock.now()).toBe(20_000);
  });
});

describe('renew', () => {
  test('renew answers 200 with an empty body and moves an interactive expiry to now + 4 d', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    t.tick(3600 * 30);
    const before = (await one(id)).expiryTime;
    const res = await t.post(`/session/${id}`, 'action=renew');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const after = (await one(id)).expiryTime!;
    expect(after).not.toBe(before);
    expect(Date.parse(after)).toBe(Math.floor(t.clock.now() / 1000) * 1000 + 4 * 86_400_000);
  });

  test('renew leaves a headless job (14-day deadline) unchanged, and action is case-insensitive', async () => {
    t = await startTestSim({ headlessRunSeconds: 3600 });
    const id = await t.create(`name=job&image=${enc(TERMINAL)}`);
    t.tick(60);
    const before = (await one(id)).expiryTime;
    expect((await t.post(`/session/${id}?ACTION=Renew`)).status).toBe(200);
    expect((await one(id)).expiryTime).toBe(before);
  });

  test('renew errors: no active job, unrecognized action, no action', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    expect(await t.post('/session/nosuch99?action=renew')).toMatchObject({
      status: 400,
      text: 'No active job for user alice with session nosuch99\n',
    });
    expect(await t.post(`/session/${id}?action=extend`)).toMatchObject({ status: 400, text: 'unrecognized action\n' });
    expect(await t.post(`/session/${id}`)).toMatchObject({ status: 400, text: 'Cannot modify an existing session\n' });
    t.tick(4 * 86_400 + 10);
    expect((await one(id)).status).toBe('Failed');
    expect((await t.post(`/session/${id}?action=renew`)).text).toBe(`No active job for user alice with session ${id}\n`);
  });
});
