import { afterEach, describe, expect, test } from 'vitest';
import { answer, NOTEBOOK, startTestSim, type TestSim } from './sim-helpers.js';

let t: TestSim;
afterEach(async () => t?.close());

describe('paths', () => {
  test('trailing slashes, HEAD, unknown paths and methods', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${encodeURIComponent(NOTEBOOK)}&type=notebook`);
    expect(JSON.parse((await t.get('/session/')).text)).toHaveLength(1);
    expect(JSON.parse((await t.get(`/session/${id}/`)).text)).toMatchObject({ id });
    expect(JSON.parse((await t.get('/image/')).text).length).toBeGreaterThan(0);
    const head = await fetch(`${t.sim.apiUrl}/session`, { method: 'HEAD', headers: { Authorization: `Bearer ${t.sim.token}` } });
    expect(head.status).toBe(200);
    expect(await t.get('/session/abc/logs')).toMatchObject({ status: 400, text: 'Invalid request: abc/logs\n' });
    expect((await answer(await fetch(`${t.sim.baseUrl}/v0/session`))).status).toBe(404);
    expect((await answer(await fetch(`${t.sim.baseUrl.replace('/skaha', '')}/elsewhere`))).status).toBe(404);
    const put = await fetch(`${t.sim.apiUrl}/session`, { method: 'PUT', headers: { Authorization: `Bearer ${t.sim.token}` } });
    expect(put.status).toBe(405);
    expect(t.sim.requestCounts()).toMatchObject({ 'session.get': 1, 'session.other': 1, 'session.list': 3, image: 1, other: 1, 'session.create': 1 });
  });
});
