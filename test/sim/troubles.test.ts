import { afterEach, describe, expect, test } from 'vitest';
import { eventReasons, eventRows, NOTEBOOK, startTestSim, TERMINAL, type TestSim, type WireSession } from './sim-helpers.js';

const enc = encodeURIComponent;
let t: TestSim;
afterEach(async () => t?.close());

const one = (id: string): Promise<WireSession> => t.json<WireSession>(`/session/${id}`);
const events = async (id: string): Promise<string[][]> => eventRows((await t.get(`/session/${id}?view=events`)).text);

describe('failures as the real platform shows them (skaha-api.md §9.10)', () => {
  test('a job killed for memory: its memory climbs to the limit, then Failed, and no event says why', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({
      kind: 'headless',
      ageSeconds: 5,
      pendingSeconds: 3,
      runSeconds: 100,
      ram: 8,
      trouble: 'oom',
      cmd: 'python',
      args: 'fit.py',
    });
    const samples: number[] = [];
    for (let i = 0; i < 12; i++) {
      const s = await one(id);
      if (s.status !== 'Running') break;
      expect(s.requestedRAM).toBe('8.59');
      samples.push(Number(s.ramInUse));
      t.tick(9);
    }
    expect(samples.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < samples.length; i++) expect(samples[i]).toBeGreaterThanOrEqual(samples[i - 1]);
    expect(samples[0]).toBeLessThan(8.59 * 0.5);
    expect(samples[samples.length - 1]).toBe(8.59);
    const failed = await one(id);
    expect(failed.status).toBe('Failed');
    expect(failed).not.toHaveProperty('ramInUse');
    const text = (await t.get(`/session/${id}?view=events`)).text;
    expect(eventReasons(text)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(text).not.toMatch(/OOM|memory|Killing/i);
    // the killed process printed no last words
    const logs = (await t.get(`/session/${id}?view=logs`)).text;
    expect(logs).toContain('step');
    expect(logs).not.toMatch(/done:|error:|exit code/);
  });

  test('a crash loop: the container exits and is restarted (BackOff events, Running ↔ Pending), then the Job fails', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({
      kind: 'headless',
      trouble: 'crash-loop',
      ageSeconds: 1,
      pendingSeconds: 4,
      runSeconds: 5,
      backoffSeconds: 10,
      cmd: 'python',
      args: 'x.py',
    });
    const statuses: string[] = [];
    for (let i = 0; i < 80; i++) {
      statuses.push((await one(id)).status);
      t.tick(1);
    }
    const changes = statuses.filter((s, i) => i === 0 || s !== statuses[i - 1]);
    // attempts of 5 s with back-offs of 10, 20 and 40 s: fails after the 4th attempt (~3 + 4×5 + 70 = 93 s)
    expect(changes).toEqual(['Pending', 'Running', 'Pending', 'Running', 'Pending', 'Running', 'Pending']);
    const rows = await events(id);
    const backOff = rows.find((r) => r[1] === 'BackOff');
    expect(backOff?.[0]).toBe('Warning');
    expect(backOff?.[2]).toMatch(/^Back-off restarting failed container terminal-1-1-1 in pod skaha-headless-alice-\w+-\w{5}_skaha-workload\([0-9a-f-]{36}\)$/);
    expect(Date.parse(backOff![4])).toBeGreaterThan(Date.parse(backOff![3]));
    expect((await t.get(`/session/${id}?view=logs`)).text).toContain('command terminated with exit code 1');
    t.tick(30);
    expect((await one(id)).status).toBe('Failed');
    // the Job controller deleted the pod at the back-off limit: its events went with it
    expect((await t.get(`/session/${id}?view=events`)).status).toBe(404);
  });

  test('an image that cannot be pulled: ErrImagePull and ImagePullBackOff events repeat, it stays Pending with no logs', async () => {
    t = await startTestSim();
    const image = 'images.canfar.net/skaha/astroml:2099.1';
    const id = t.sim.seedSession({ kind: 'headless', image, trouble: 'image-pull', ageSeconds: 2 });
    t.tick(120);
    expect((await one(id)).status).toBe('Pending');
    const rows = await events(id);
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      'Normal Scheduled',
      'Normal Pulling',
      'Warning Failed',
      'Warning Failed',
      'Normal BackOff',
      'Warning Failed',
    ]);
    expect(rows[2][2]).toBe(
      `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
    );
    expect(rows.slice(3).map((r) => r[2])).toEqual(['Error: ErrImagePull', `Back-off pulling image "${image}"`, 'Error: ImagePullBackOff']);
    expect(Date.parse(rows[3][4])).toBeGreaterThan(Date.parse(rows[3][3]));
    expect((await t.get(`/session/${id}?view=logs`)).text).toBe('');
    t.tick(86_400);
    expect((await one(id)).status).toBe('Pending');
  });

  test('a session no node can take: FailedScheduling "Insufficient memory" (or cpu, by its request), no Scheduled, stays Pending', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({ kind: 'notebook', ram: 192, trouble: 'unschedulable', ageSeconds: 30 });
    expect((await one(id)).status).toBe('Pending');
    const rows = await events(id);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 2)).toEqual(['Warning', 'FailedScheduling']);
    expect(rows[0][2]).toBe(
      '0/24 nodes are available: 24 Insufficient memory. preemption: 0/24 nodes are available: 24 No preemption victims found for incoming pod.',
    );
    expect((await t.get(`/session/${id}?view=logs`)).text).toBe('');
    const cpu = t.sim.seedSession({ kind: 'headless', cores: 16, trouble: 'unschedulable' });
    expect((await events(cpu))[0][2]).toMatch(/^0\/24 nodes are available: 24 Insufficient cpu\. /);
    const both = t.sim.seedSession({ kind: 'headless', cores: 16, ram: 192, trouble: 'unschedulable' });
    expect((await events(both))[0][2]).toMatch(/^0\/24 nodes are available: 24 Insufficient cpu, 24 Insufficient memory\. /);
  });

  test('an interactive session that expires: Failed at its deadline, and its pod (events, logs) is gone', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({ kind: 'notebook', ageSeconds: 3600, expiresInSeconds: 60 });
    const s = await one(id);
    expect((await t.get(`/session/${id}?view=events`)).status).toBe(200);
    t.clock.advance(Date.parse(s.expiryTime!) - t.clock.now());
    const failed = await one(id);
    expect(failed).toMatchObject({ status: 'Failed', expiryTime: s.expiryTime });
    expect((await t.get(`/session/${id}?view=events`)).status).toBe(404);
    expect((await t.get(`/session/${id}?view=logs`)).text).toBe('');
  });

  test('the trouble switch gives new launches a trouble (oom only to headless jobs); seeding refuses impossible combinations', async () => {
    t = await startTestSim({ headlessRunSeconds: 50 });
    await t.admin('POST', '/faults', { trouble: 'oom' });
    const job = await t.create(`name=job&image=${enc(TERMINAL)}&ram=4`);
    const nb = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    await t.admin('PATCH', '/faults', { trouble: 'image-pull' });
    const pull = await t.create(`name=pull&image=${enc(TERMINAL)}`);
    t.tick(70);
    expect((await one(job)).status).toBe('Failed');
    expect((await one(nb)).status).toBe('Running');
    expect((await one(pull)).status).toBe('Pending');
    expect(eventReasons((await t.get(`/session/${pull}?view=events`)).text)).toContain('BackOff');
    expect((await t.admin('PATCH', '/faults', { trouble: 'meltdown' })).body.error).toBe(
      'trouble must be one of oom, crash-loop, image-pull, unschedulable; got "meltdown"',
    );
    expect(() => t.sim.seedSession({ kind: 'notebook', trouble: 'oom' })).toThrow(/oom is for headless jobs/);
    expect(() => t.sim.seedSession({ kind: 'headless', trouble: 'image-pull', status: 'Failed' })).toThrow(/seed it Pending or Running/);
  });
});
