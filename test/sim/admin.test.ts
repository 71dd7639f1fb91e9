import { afterEach, describe, expect, test } from 'vitest';
import { NOTEBOOK, startTestSim, TERMINAL, type TestSim } from './sim-helpers.js';

const enc = encodeURIComponent;
let t: TestSim;
afterEach(async () => t?.close());

describe('admin API: the methods a user tries', () => {
  test('POST /_sim/faults merges like PATCH (the first thing a new user tries); null removes a field; PUT replaces', async () => {
    t = await startTestSim();
    expect(await t.admin('POST', '/faults', { statsUnavailable: true })).toMatchObject({ status: 200, body: { statsUnavailable: true } });
    expect((await t.get('/session?view=stats')).status).toBe(503);
    expect((await t.admin('POST', '/faults', { queueSeconds: 30 })).body).toEqual({ statsUnavailable: true, queueSeconds: 30 });
    expect((await t.admin('PATCH', '/faults', { statsUnavailable: null })).body).toEqual({ queueSeconds: 30 });
    expect((await t.get('/session?view=stats')).status).toBe(200);
    expect((await t.admin('PUT', '/faults', { renew: 'error' })).body).toEqual({ renew: 'error' });
    expect((await t.admin('DELETE', '/faults')).body).toEqual({});
  });

  test('a method a route does not take: 405 with the Allow header and the allowed methods in the answer', async () => {
    t = await startTestSim();
    const res = await t.admin('DELETE', '/sessions');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
    expect(res.body).toMatchObject({ error: 'DELETE is not allowed on /_sim/sessions; use GET or POST', allowed: ['GET', 'POST'], docs: 'docs/simulator.md' });
    expect((await t.admin('PUT', '/settings', {})).body.allowed).toEqual(['GET', 'PATCH', 'POST']);
    expect((await t.admin('GET', '/sessions/abc/preempt')).headers.get('allow')).toBe('POST');
  });

  test('an unknown path: 404 listing every route with its methods, and where the docs are', async () => {
    t = await startTestSim();
    const res = await t.admin('POST', '/fault', { statsUnavailable: true });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('no admin route /_sim/fault');
    expect(res.body.routes).toEqual(
      expect.arrayContaining(['GET|PUT|PATCH|POST|DELETE /_sim/faults', 'POST /_sim/sessions/{id}/preempt', 'GET|PATCH|POST /_sim/settings']),
    );
    expect(res.body.docs).toBe('docs/simulator.md');
  });

  test('bad bodies get 400 saying what is wrong', async () => {
    t = await startTestSim();
    const raw = await fetch(`${t.sim.adminUrl}/faults`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${t.sim.adminToken}` },
      body: 'statsUnavailable=true',
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { error: string }).error).toMatch(/not valid JSON/);
    expect((await t.admin('PATCH', '/faults', { preempt: { afterSeconds: -1, queuedSeconds: 5 } })).body.error).toBe(
      'preempt.afterSeconds must be a number of seconds from 0 to 1000000000, got -1',
    );
    expect((await t.admin('PATCH', '/faults', { preempt: { after: 5 } })).body.error).toBe(
      'preempt must be {"afterSeconds": N, "queuedSeconds": N} (clock seconds)',
    );
    expect((await t.admin('PATCH', '/faults', { sillyName: null })).body.error).toBe('unknown fault: sillyName');
    expect((await t.admin('POST', '/clock', {})).body.error).toBe('send {"advanceMs": N} or {"advanceSeconds": N}');
  });

  test('huge, infinite and strange values are refused without breaking the clock or the launches', async () => {
    t = await startTestSim();
    const raw = async (method: string, path: string, body: string) =>
      (await fetch(`${t.sim.adminUrl}${path}`, { method, headers: { Authorization: `Bearer ${t.sim.adminToken}` }, body })).json() as Promise<{
        error?: string;
      }>;
    expect((await raw('POST', '/clock', '{"advanceSeconds": 1e400}')).error).toMatch(/^the time to advance must be a number of seconds/);
    expect((await raw('PATCH', '/faults', '{"queueSeconds": 1e300}')).error).toMatch(/^queueSeconds must be a number of seconds from 0 to 1000000000/);
    expect((await raw('POST', '/sessions', '{"kind": "notebook", "ageSeconds": 1e300}')).error).toMatch(/^seedSession: ageSeconds must be/);
    expect((await raw('POST', '/faults/schedule', '{"inSeconds": -5, "faults": {}}')).error).toMatch(/^inSeconds must be/);
    const odd = await t.admin('POST', `/sessions/${enc('\u001b[2J')}/preempt`, {});
    expect(odd.status).toBe(400);
    expect(odd.body.error).toBe('no session \u001b[2J: GET /_sim/sessions lists them');
    expect((await t.admin('GET', '/clock')).body).toEqual({ now: '2026-11-22T12:00:00Z' });
    expect((await t.admin('PATCH', '/faults', { queueSeconds: 1e9 })).status).toBe(200);
    const id = await t.create(`name=far&image=${enc(TERMINAL)}`);
    expect((await t.json<{ status: string }>(`/session/${id}`)).status).toBe('Pending');
  });
});

describe('admin API: settings, schedule, sessions, clock', () => {
  test('PATCH /_sim/settings changes the interactive cap that /context reports and launches enforce (headless not capped)', async () => {
    t = await startTestSim();
    expect((await t.admin('GET', '/settings')).body).toMatchObject({ maxInteractiveSessions: 3, speed: 1, statsRefreshSeconds: 300 });
    expect((await t.admin('PATCH', '/settings', { maxInteractiveSessions: 1 })).body.maxInteractiveSessions).toBe(1);
    expect((await t.json<{ maxInteractiveSessions: string }>('/context')).maxInteractiveSessions).toBe('1');
    await t.create(`name=a&image=${enc(NOTEBOOK)}&type=notebook`);
    expect(await t.post(`/session?name=b&image=${enc(NOTEBOOK)}&type=notebook`)).toMatchObject({
      status: 400,
      text: 'User alice has reached the maximum of 1 active sessions.\n',
    });
    expect((await t.post(`/session?name=c&image=${enc(TERMINAL)}`)).status).toBe(200);
    expect((await t.admin('PATCH', '/settings', { speed: 2 })).body.error).toBe('speed cannot be changed while running (only maxInteractiveSessions can)');
    expect((await t.admin('PATCH', '/settings', { maxInteractiveSessions: -1 })).status).toBe(400);
  });

  test('/_sim/faults/schedule: changes apply when the simulated clock reaches them; DELETE forgets them', async () => {
    t = await startTestSim();
    expect((await t.admin('POST', '/faults/schedule', { inSeconds: 20, faults: { statsUnavailable: true } })).status).toBe(201);
    await t.admin('POST', '/faults/schedule', { inSeconds: 40, faults: { statsUnavailable: null } });
    await t.admin('POST', '/faults/schedule', { inSeconds: 90, faults: { renew: 'error' } });
    expect((await t.admin('GET', '/faults/schedule')).body).toEqual([
      { at: '2026-11-22T12:00:20Z', inSeconds: 20, faults: { statsUnavailable: true } },
      { at: '2026-11-22T12:00:40Z', inSeconds: 40, faults: { statsUnavailable: null } },
      { at: '2026-11-22T12:01:30Z', inSeconds: 90, faults: { renew: 'error' } },
    ]);
    const stats = async (): Promise<number> => (await t.get('/session?view=stats')).status;
    expect(await stats()).toBe(200);
    t.tick(20);
    expect(await stats()).toBe(503);
    expect((await t.admin('GET', '/faults')).body).toEqual({ statsUnavailable: true });
    t.tick(20);
    expect(await stats()).toBe(200);
    expect((await t.admin('DELETE', '/faults/schedule')).body).toEqual([]);
    t.tick(60);
    expect((await t.admin('GET', '/faults')).body).toEqual({});
    expect((await t.admin('POST', '/faults/schedule', { inSeconds: 5, faults: { renew: 'maybe' } })).status).toBe(400);
    expect((await t.admin('GET', '/faults/schedule')).body).toEqual([]);
  });

  test('GET /_sim/sessions says which sessions are queued and what trouble and renew outcome each has; GET /_sim/clock tells the time', async () => {
    t = await startTestSim();
    const queued = t.sim.seedSession({ kind: 'headless', name: 'q', status: 'Pending', queuedSeconds: 60, pendingSeconds: 70 });
    const pull = t.sim.seedSession({ kind: 'headless', name: 'p', trouble: 'image-pull' });
    const nb = t.sim.seedSession({ kind: 'notebook', name: 'n', renew: 'error' });
    expect((await t.admin('GET', '/sessions')).body).toEqual([
      { id: queued, user: 'alice', kind: 'headless', name: 'q', status: 'Pending', queued: true, trouble: null, renew: 'ok' },
      { id: pull, user: 'alice', kind: 'headless', name: 'p', status: 'Pending', queued: false, trouble: 'image-pull', renew: 'ok' },
      { id: nb, user: 'alice', kind: 'notebook', name: 'n', status: 'Running', queued: false, trouble: null, renew: 'error' },
    ]);
    expect((await t.admin('GET', '/clock')).body).toEqual({ now: '2026-11-22T12:00:00Z' });
    expect((await t.admin('POST', '/clock', { advanceSeconds: 90 })).body).toEqual({ now: '2026-11-22T12:01:30Z' });
  });
});

describe('stats (skaha-api.md §9.5)', () => {
  test('values are a snapshot that changes only every statsRefreshSeconds (300 simulated seconds by default)', async () => {
    t = await startTestSim({ speed: 10 });
    const read = async (): Promise<string> => (await t.get('/session?view=stats')).text;
    const first = await read();
    await t.create(`name=big&image=${enc(NOTEBOOK)}&type=notebook&cores=16&ram=64`);
    t.tick(29); // 290 simulated seconds
    expect(await read()).toBe(first);
    t.tick(1);
    const second = await read();
    expect(second).not.toBe(first);
    expect(JSON.parse(second).cores.requestedCPUCores - JSON.parse(first).cores.requestedCPUCores).toBeGreaterThan(8);
    // other users' pods come and go: the next snapshot differs even with nothing launched
    t.tick(30);
    expect(await read()).not.toBe(second);
  });
});
