import { afterEach, describe, expect, test } from 'vitest';
import { eventReasons, eventRows, NOTEBOOK, startTestSim, TERMINAL, type TestSim, type WireSession } from './sim-helpers.js';

const enc = encodeURIComponent;
let t: TestSim;
afterEach(async () => t?.close());

const one = (id: string): Promise<WireSession> => t.json<WireSession>(`/session/${id}`);

/** Asserts the look of a Job Kueue has not admitted: Pending, listed, no startTime/expiry/URL, events 404, logs empty. */
async function expectQueued(id: string): Promise<void> {
  const s = await one(id);
  expect(s.status).toBe('Pending');
  for (const field of ['startTime', 'expiryTime', 'connectURL', 'ramInUse', 'cpuCoresInUse']) expect(s).not.toHaveProperty(field);
  expect((await t.json<WireSession[]>('/session')).map((x) => x.id)).toContain(id);
  expect(await t.get(`/session/${id}?view=events`)).toMatchObject({ status: 404, text: `session ${id} not found.\n`, type: 'text/plain' });
  expect(await t.get(`/session/${id}?view=logs`)).toMatchObject({ status: 200, text: '' });
}

describe('queued jobs (Kueue has not admitted them)', () => {
  test('a seeded queued job: no pod for queuedSeconds, then Scheduled/Pulling/Pulled/Started, then Running with logs', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({
      kind: 'headless',
      status: 'Pending',
      ageSeconds: 1,
      queuedSeconds: 120,
      pendingSeconds: 130,
      runSeconds: 600,
      cmd: 'python',
      args: 'x.py',
    });
    await expectQueued(id);
    t.tick(118);
    await expectQueued(id);
    t.tick(3); // admitted at 120 s: the pod exists and the Job has started
    const admitted = await one(id);
    expect(admitted.status).toBe('Pending');
    expect(Date.parse(admitted.startTime!)).toBeGreaterThanOrEqual(t.clock.now() - 2000);
    expect(admitted.connectURL).toBe('');
    expect(eventReasons((await t.get(`/session/${id}?view=events`)).text)).toEqual(['Scheduled', 'Pulling']);
    t.tick(9);
    expect((await one(id)).status).toBe('Running');
    expect(eventReasons((await t.get(`/session/${id}?view=events`)).text)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    t.tick(10);
    expect((await t.get(`/session/${id}?view=logs`)).text).toContain('starting: python x.py');
  });

  test('an interactive session queued in Kueue has no connectURL until admitted, and its expiry counts from admission', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({ kind: 'notebook', status: 'Pending', ageSeconds: 1, queuedSeconds: 60, pendingSeconds: 70 });
    await expectQueued(id);
    t.tick(80);
    const s = await one(id);
    expect(s.status).toBe('Running');
    expect(s.connectURL).toMatch(/^https:\/\/.*\/session\/notebook\//);
    expect(Date.parse(s.expiryTime!) - Date.parse(s.startTime!)).toBe(4 * 86_400_000);
    expect(Date.parse(s.startTime!)).toBeGreaterThanOrEqual(t.clock.now() - 21_000);
  });

  test('the queue switch (PATCH /_sim/faults) queues every session launched while it is on, and a queued Job holds no quota', async () => {
    t = await startTestSim({ statsRefreshSeconds: 0, headlessRunSeconds: 3600 });
    const allocated = async (): Promise<number> => (await t.json<{ cores: { requestedCPUCores: number } }>('/session?view=stats')).cores.requestedCPUCores;
    const before = await allocated();
    expect((await t.admin('PATCH', '/faults', { queueSeconds: 300 })).body).toEqual({ queueSeconds: 300 });
    const job = await t.create(`name=job&image=${enc(TERMINAL)}&cores=4`);
    const nb = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    await t.admin('PATCH', '/faults', { queueSeconds: null });
    const later = await t.create(`name=later&image=${enc(TERMINAL)}`);
    t.tick(30);
    await expectQueued(job);
    await expectQueued(nb);
    expect((await one(later)).status).toBe('Running');
    expect((await allocated()) - before).toBeCloseTo(1, 5); // only `later` (1 core) holds quota
    t.tick(300);
    expect((await one(job)).status).toBe('Running');
    expect((await allocated()) - before).toBeCloseTo(1 + 4 + 1, 5);
  });
});

describe('preemption', () => {
  test('a Running job is preempted: Pending with no pod, then admitted again on a new pod with a new start time', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({
      kind: 'headless',
      ageSeconds: 600,
      runSeconds: 7200,
      preempt: { inSeconds: 30, queuedSeconds: 90 },
      cmd: 'python',
      args: 'sweep.py',
    });
    const running = await one(id);
    expect(running.status).toBe('Running');
    t.tick(29);
    expect((await t.get(`/session/${id}?view=logs`)).text).toContain('step');
    t.tick(2);
    await expectQueued(id);
    t.tick(88);
    await expectQueued(id);
    t.tick(12);
    const again = await one(id);
    expect(again.status).toBe('Running');
    expect(Date.parse(again.startTime!)).toBeGreaterThan(Date.parse(running.startTime!));
    // the new pod found the image on the node, and its container starts its output afresh
    const rows = eventRows((await t.get(`/session/${id}?view=events`)).text);
    expect(rows.map((r) => r[1])).toEqual(['Scheduled', 'Pulled', 'Created', 'Started']);
    expect(rows[1][2]).toBe(`Container image "${TERMINAL}" already present on machine`);
    const logs = (await t.get(`/session/${id}?view=logs`)).text;
    expect(logs.match(/starting: python sweep\.py/g)).toHaveLength(1);
  });

  test("POST /_sim/sessions/{id}/preempt preempts any user's session now; a queued or unknown one is refused with the reason", async () => {
    t = await startTestSim();
    const nb = t.sim.seedSession({ kind: 'notebook', user: 'bob', ageSeconds: 3600 });
    const queued = t.sim.seedSession({ kind: 'headless', status: 'Pending', queuedSeconds: 100, pendingSeconds: 110 });
    expect(await t.admin('POST', `/sessions/${nb}/preempt`, { queuedSeconds: 45 })).toMatchObject({ status: 200, body: { id: nb, status: 'Pending' } });
    const bob = async (): Promise<WireSession> =>
      (await (await fetch(`${t.sim.apiUrl}/session/${nb}`, { headers: { Authorization: `Bearer ${t.sim.tokens.bob}` } })).json()) as WireSession;
    expect(await bob()).toMatchObject({ status: 'Pending' });
    expect(await bob()).not.toHaveProperty('startTime');
    t.tick(60);
    expect((await bob()).status).toBe('Running');
    const refused = await t.admin('POST', `/sessions/${queued}/preempt`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/no pod to preempt/);
    expect((await t.admin('POST', '/sessions/nosuch99/preempt', {})).body.error).toMatch(/^no session nosuch99/);
  });

  test('the preempt switch preempts sessions launched while it is on, once, after they ran for afterSeconds', async () => {
    t = await startTestSim({ faults: { preempt: { afterSeconds: 20, queuedSeconds: 40 } } });
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    t.tick(10);
    expect((await one(id)).status).toBe('Running');
    t.tick(20);
    await expectQueued(id);
    t.tick(50);
    expect((await one(id)).status).toBe('Running');
    t.tick(3600);
    expect((await one(id)).status).toBe('Running');
  });

  test('renewing a queued Job changes nothing (it has no start time); after admission the renew works', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({ kind: 'notebook', status: 'Pending', queuedSeconds: 100, pendingSeconds: 110 });
    expect((await t.post(`/session/${id}?action=renew`)).status).toBe(200);
    await expectQueued(id);
    t.tick(3600);
    const before = (await one(id)).expiryTime;
    expect((await t.post(`/session/${id}?action=renew`)).status).toBe(200);
    expect((await one(id)).expiryTime).not.toBe(before);
  });
});
