import { afterEach, describe, expect, test } from 'vitest';
import { NOTEBOOK, startTestSim, TERMINAL, type TestSim, type WireSession } from './sim-helpers.js';

const enc = encodeURIComponent;
let t: TestSim;
afterEach(async () => t?.close());

const expiry = async (id: string): Promise<string | undefined> => (await t.json<WireSession>(`/session/${id}`)).expiryTime;

describe('renew outcomes (skaha-api.md §9.1)', () => {
  test('seeded per session: ok moves the expiry, error answers 500 unexpected exception, ignored answers 200 and changes nothing', async () => {
    t = await startTestSim();
    const ok = t.sim.seedSession({ kind: 'notebook', ageSeconds: 3600, expiresInSeconds: 300, renew: 'ok' });
    const error = t.sim.seedSession({ kind: 'carta', ageSeconds: 3600, expiresInSeconds: 300, renew: 'error' });
    const ignored = t.sim.seedSession({ kind: 'notebook', ageSeconds: 3600, expiresInSeconds: 300, renew: 'ignored' });
    const before = { ok: await expiry(ok), error: await expiry(error), ignored: await expiry(ignored) };
    expect(await t.post(`/session/${ok}?action=renew`)).toMatchObject({ status: 200, text: '' });
    const failed = await t.post(`/session/${error}?action=renew`);
    expect(failed).toMatchObject({ status: 500, type: 'text/plain' });
    expect(failed.text).toMatch(/^unexpected exception: .*\n$/);
    expect(await t.post(`/session/${ignored}?action=renew`)).toMatchObject({ status: 200, text: '' });
    expect(Date.parse((await expiry(ok))!)).toBe(Math.floor(t.clock.now() / 1000) * 1000 + 4 * 86_400_000);
    expect(await expiry(error)).toBe(before.error);
    expect(await expiry(ignored)).toBe(before.ignored);
    t.tick(301);
    expect((await t.json<WireSession>(`/session/${error}`)).status).toBe('Failed');
    expect((await t.json<WireSession>(`/session/${ok}`)).status).toBe('Running');
  });

  test('the renew switch overrides every session until it is removed', async () => {
    t = await startTestSim();
    const id = t.sim.seedSession({ kind: 'notebook', ageSeconds: 7200 });
    await t.admin('PATCH', '/faults', { renew: 'error' });
    expect((await t.post(`/session/${id}?action=renew`)).status).toBe(500);
    await t.admin('PATCH', '/faults', { renew: 'ignored' });
    const before = await expiry(id);
    expect((await t.post(`/session/${id}?action=renew`)).status).toBe(200);
    expect(await expiry(id)).toBe(before);
    await t.admin('PATCH', '/faults', { renew: null });
    expect((await t.post(`/session/${id}?action=renew`)).status).toBe(200);
    expect(await expiry(id)).not.toBe(before);
  });

  test('a renew that works changes nothing for a headless job or a session with more time left than the lifetime', async () => {
    t = await startTestSim({ headlessRunSeconds: 86_400 });
    const job = await t.create(`name=job&image=${enc(TERMINAL)}`);
    const nb = t.sim.seedSession({ kind: 'notebook', ageSeconds: 60, expiresInSeconds: 6 * 86_400 });
    t.tick(3600);
    const before = { job: await expiry(job), nb: await expiry(nb) };
    for (const id of [job, nb]) expect((await t.post(`/session/${id}?action=renew`)).status).toBe(200);
    expect(await expiry(job)).toBe(before.job);
    expect(await expiry(nb)).toBe(before.nb);
  });

  test('a session that is not active is refused with 400 whatever the outcome', async () => {
    t = await startTestSim({ faults: { renew: 'error' } });
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    await t.del(`/session/${id}`);
    expect(await t.post(`/session/${id}?action=renew`)).toMatchObject({ status: 400, text: `No active job for user alice with session ${id}\n` });
  });
});
