import { afterEach, describe, expect, test } from 'vitest';
import { NOTEBOOK, startTestSim, TERMINAL, type TestSim, type WireSession } from './sim-helpers.js';

const enc = encodeURIComponent;
let t: TestSim;
afterEach(async () => t?.close());

const KEY_ORDER = [
  'id',
  'userid',
  'runAsUID',
  'runAsGID',
  'supplementalGroups',
  'appid',
  'image',
  'type',
  'status',
  'name',
  'startTime',
  'expiryTime',
  'connectURL',
  'requestedRAM',
  'requestedCPUCores',
  'requestedGPUCores',
  'ramInUse',
  'cpuCoresInUse',
  'isFixedResources',
];

describe('session JSON', () => {
  test('fixed session: Gson order, string numbers, no null fields, usage only while Running', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook&cores=2&ram=8&gpus=1`);
    t.tick(10);
    const res = await t.get(`/session/${id}`);
    expect(res.type).toBe('application/json');
    expect(res.text).not.toContain('null');
    expect(res.text).toMatch(/^\{\n {2}"id": "/);
    const s = JSON.parse(res.text) as WireSession;
    expect(Object.keys(s)).toEqual(KEY_ORDER.filter((k) => k in s));
    expect(s).toMatchObject({
      id,
      userid: 'alice',
      status: 'Running',
      requestedRAM: '8.59',
      requestedCPUCores: '2',
      requestedGPUCores: '1',
      isFixedResources: true,
      connectURL: `https://workload.skaha-sim.invalid/session/notebook/${id}/lab/tree/arc/home/alice?token=${id}`,
    });
    expect(s).not.toHaveProperty('appid');
    expect(s).not.toHaveProperty('gpuRAMInUse');
    expect(s).not.toHaveProperty('gpuUtilization');
    expect(s.runAsUID).toMatch(/^\d+$/);
    expect(s.ramInUse).toMatch(/^\d+\.\d{2}$/);
    expect(s.cpuCoresInUse).toMatch(/^\d+\.\d{3}$/);
  });

  test('flexible sessions have no requestedRAM/requestedCPUCores; desktop and firefly have their template resources', async () => {
    t = await startTestSim({ maxInteractiveSessions: 5 });
    const nb = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    const desk = await t.create(`name=d&image=${enc('images.canfar.net/skaha/desktop:1.0.2')}&type=desktop&cores=4&ram=16`);
    const ff = await t.create(`name=f&image=${enc('images.canfar.net/skaha/firefly:2024.2')}&type=firefly`);
    const flex = await t.json<WireSession>(`/session/${nb}`);
    expect(flex.isFixedResources).toBe(false);
    expect(flex).not.toHaveProperty('requestedRAM');
    expect(flex).not.toHaveProperty('requestedCPUCores');
    expect(flex.requestedGPUCores).toBe('0');
    const d = await t.json<WireSession>(`/session/${desk}`);
    expect(d.isFixedResources).toBe(false);
    expect(d.connectURL).toBe(`https://workload.skaha-sim.invalid/session/desktop/${desk}/?password=${desk}&path=session/desktop/${desk}/`);
    const f = await t.json<WireSession>(`/session/${ff}`);
    expect(f).toMatchObject({ isFixedResources: true, requestedRAM: '4.29', requestedCPUCores: '0.100' });
    expect(f.connectURL).toBe(`https://workload.skaha-sim.invalid/session/firefly/${ff}/firefly/`);
  });

  test('startTime drops the seconds when they are :00, expiryTime keeps them', async () => {
    t = await startTestSim();
    t.tick(59);
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    t.tick(2);
    const s = await t.json<WireSession>(`/session/${id}`);
    expect(s.startTime).toBe('2026-11-22T12:01Z');
    expect(s.expiryTime).toBe('2026-11-26T12:01:00Z');
  });

  test('usage moves smoothly within the limits while Running', async () => {
    t = await startTestSim();
    const id = await t.create(`name=job&image=${enc(TERMINAL)}&cores=2&ram=4`);
    const flex = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    t.tick(10);
    const cpu: number[] = [];
    for (let i = 0; i < 40; i++) {
      const [fixed, flexible] = await Promise.all([t.json<WireSession>(`/session/${id}`), t.json<WireSession>(`/session/${flex}`)]);
      const c = Number(fixed.cpuCoresInUse);
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThanOrEqual(2);
      expect(Number(fixed.ramInUse)).toBeLessThanOrEqual(4.29);
      expect(Number(flexible.cpuCoresInUse)).toBeLessThanOrEqual(8);
      expect(Number(flexible.ramInUse)).toBeLessThanOrEqual(34.36);
      cpu.push(c);
      t.tick(1);
    }
    expect(new Set(cpu).size).toBeGreaterThan(10);
    for (let i = 1; i < cpu.length; i++) expect(Math.abs(cpu[i] - cpu[i - 1])).toBeLessThan(0.5);
  });

  test('unknown ids and other users give 404 `session <id> not found`; unknown views give the JSON (skaha 1.7.0 sends view=event)', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    expect(await t.get('/session/nosuch99')).toMatchObject({ status: 404, text: 'session nosuch99 not found\n', type: 'text/plain' });
    expect((await t.get(`/session/${id}`, t.sim.tokens.bob)).status).toBe(404);
    const evented = await t.get(`/session/${id}?view=event`);
    expect(evented.status).toBe(200);
    expect((JSON.parse(evented.text) as WireSession).id).toBe(id);
    expect((await t.get('/session/a/b/c/d')).text).toBe('Invalid request: a/b/c/d\n');
  });
});

describe('list views', () => {
  test('no view lists the caller’s sessions; type and status filter case-insensitively', async () => {
    t = await startTestSim();
    const nb = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    const job = await t.create(`name=job&image=${enc(TERMINAL)}`);
    t.sim.seedSession({ kind: 'notebook', user: 'bob' });
    t.tick(10);
    expect((await t.json<WireSession[]>('/session')).map((s) => s.id)).toEqual([nb, job]);
    expect((await t.json<WireSession[]>('/session?TYPE=NoteBook')).map((s) => s.id)).toEqual([nb]);
    expect((await t.json<WireSession[]>('/session?status=running&type=headless')).map((s) => s.id)).toEqual([job]);
    expect(await t.json('/session?type=nosuch')).toEqual([]);
  });

  test('view=all shows every user as PublicSession; view=interactive drops headless', async () => {
    t = await startTestSim();
    await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    await t.create(`name=job&image=${enc(TERMINAL)}`);
    t.sim.seedSession({ kind: 'carta', user: 'bob' });
    t.tick(10);
    const all = await t.json<Array<Record<string, string>>>('/session?view=all');
    expect(all).toHaveLength(3);
    for (const p of all) expect(Object.keys(p)).toEqual(['userid', 'type', 'status', 'startTime']);
    expect(all.map((p) => p.userid).sort()).toEqual(['alice', 'alice', 'bob']);
    expect(await t.json('/session?view=all&type=carta')).toEqual([expect.objectContaining({ userid: 'bob' })]);
    const interactive = await t.json<WireSession[]>('/session?view=Interactive&type=headless');
    expect(interactive.map((s) => s.type)).toEqual(['notebook']);
  });

  test('view=stats reflects what every session allocates (snapshots not cached here)', async () => {
    t = await startTestSim({ statsRefreshSeconds: 0 });
    const stats = async () =>
      t.json<{
        cores: { requestedCPUCores: number; cpuCoresAvailable: number; maxCPUCores: { cpuCores: number; withRam: string } };
        ram: { requestedRAM: string; ramAvailable: string; maxRAM: { ram: string; withCPUCores: number } };
      }>('/session?view=stats');
    const before = await stats();
    const raw = (await t.get('/session?view=stats')).text;
    expect(raw).toContain('"cpuCoresAvailable": 256.0');
    expect(raw).toContain('"withCPUCores": 8.0');
    expect(before.cores.maxCPUCores).toEqual({ cpuCores: 8, withRam: '32Gi' });
    expect(before.ram.maxRAM).toEqual({ ram: '32Gi', withCPUCores: 8 });
    expect(before.ram.ramAvailable).toBe('1099.512G');
    await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook&cores=4&ram=16`);
    t.sim.seedSession({ kind: 'headless', user: 'bob', cores: 2, ram: 8 });
    const after = await stats();
    expect(after.cores.requestedCPUCores - before.cores.requestedCPUCores).toBeCloseTo(6, 5);
    const gb = (s: string): number => Number(s.replace('G', ''));
    expect(gb(after.ram.requestedRAM) - gb(before.ram.requestedRAM)).toBeCloseTo(24 * 1.073741824, 2);
  });
});

describe('logs and events', () => {
  test('logs are text/plain, grow over time as full snapshots, and are 200 and empty for unknown ids', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    expect(await t.get(`/session/${id}?view=logs`)).toMatchObject({ status: 200, text: '', type: 'text/plain' });
    t.tick(10);
    const early = (await t.get(`/session/${id}?view=logs`)).text;
    expect(early).toContain('Jupyter Server');
    t.tick(1800);
    const later = (await t.get(`/session/${id}?view=logs`)).text;
    expect(later.startsWith(early)).toBe(true);
    expect(later.split('\n').length).toBeGreaterThan(early.split('\n').length + 5);
    expect(await t.get('/session/nosuch99?view=logs')).toMatchObject({ status: 200, text: '' });
  });

  test('appendLog adds text after what the container printed, only for its own session and only while it exists', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({ kind: 'headless', cmd: 'echo', args: 'hello', runSeconds: 3600 });
    const other = t.sim.seedSession({ kind: 'headless', cmd: 'echo', args: 'other', runSeconds: 3600 });
    const printed = (await t.get(`/session/${id}?view=logs`)).text;
    expect(printed).toBe('hello\n');
    t.sim.appendLog(id, 'line one\n');
    t.sim.appendLog(id, 'line two\n');
    expect((await t.get(`/session/${id}?view=logs`)).text).toBe('hello\nline one\nline two\n');
    expect((await t.get(`/session/${other}?view=logs`)).text).toBe('other\n');
    await t.del(`/session/${id}`);
    t.tick(3600);
    expect((await t.get(`/session/${id}?view=logs`)).text).toBe('');
  });

  test('events: kubectl columns, 5 columns per row when split on 2+ spaces, <none> when empty, 404 with a period when unknown', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    expect((await t.get(`/session/${id}?view=events`)).text).toBe('<none>\n');
    t.tick(10);
    const res = await t.get(`/session/${id}?view=events`);
    expect(res.type).toBe('text/plain');
    const lines = res.text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TYPE\s+REASON\s+MESSAGE\s+FIRST-TIME\s+LAST-TIME$/);
    for (const row of lines.slice(1)) {
      expect(row.split(/\s{2,}/)).toHaveLength(5);
      expect(row).toMatch(/^(\S+)\s+(\S+)\s+(.*?)\s+(\S+|<nil>)\s+(\S+|<nil>)$/);
    }
    // columns are aligned: every row puts REASON at the same offset
    const reasonCol = lines[0].indexOf('REASON');
    for (const row of lines.slice(1)) expect(row[reasonCol - 1]).toBe(' ');
    expect(lines[1]).toMatch(/Scheduled.*<none>\s+<none>$/);
    expect(await t.get('/session/nosuch99?view=events')).toMatchObject({ status: 404, text: 'session nosuch99 not found.\n' });
    t.tick(3700);
    expect((await t.get(`/session/${id}?view=events`)).text).toBe('<none>\n');
  });
});
