import { afterEach, describe, expect, test } from 'vitest';
import { answer, NOTEBOOK, startTestSim, type TestSim, type WireSession } from './sim-helpers.js';

const enc = encodeURIComponent;
let t: TestSim;
afterEach(async () => t?.close());

describe('auth', () => {
  test('a missing or unknown token gets 401 `Unauthorized` as text/plain on every API path', async () => {
    t = await startTestSim();
    for (const path of ['/session', '/session/abc', '/image', '/context', '/repository']) {
      for (const token of [null, 'wrong-token']) {
        const res = await t.get(path, token);
        expect(res).toMatchObject({ status: 401, text: 'Unauthorized\n', type: 'text/plain' });
      }
    }
    const post = await fetch(`${t.sim.apiUrl}/session?name=x`, { method: 'POST' });
    expect(post.status).toBe(401);
  });

  test('each token maps to its user; the scheme is case-insensitive', async () => {
    t = await startTestSim({ users: { 'tok-a': 'carol', 'tok-b': 'dave' } });
    expect(t.sim.tokens).toEqual({ carol: 'tok-a', dave: 'tok-b' });
    expect(t.sim.token).toBe('tok-a');
    await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    const res = await answer(await fetch(`${t.sim.apiUrl}/session`, { headers: { Authorization: 'bearer tok-b' } }));
    expect(res).toMatchObject({ status: 200, text: '[]' });
    expect((await t.json<WireSession[]>('/session'))[0].userid).toBe('carol');
  });

  test('VOSI availability and capabilities answer without a token', async () => {
    t = await startTestSim();
    const avail = await answer(await fetch(`${t.sim.baseUrl}/availability`));
    expect(avail.status).toBe(200);
    expect(avail.text).toContain('<vosi:available>true</vosi:available>');
    expect(avail.text).toContain('xmlns:vosi="http://www.ivoa.net/xml/VOSIAvailability/v1.0"');
    expect(avail.text).toContain('Skaha Service Available.');
    const caps = await answer(await fetch(`${t.sim.baseUrl}/capabilities`));
    expect(caps.text).toContain('standardID="http://www.opencadc.org/std/platform#session-1"');
    expect(caps.text).toContain(`<accessURL use="base">${t.sim.baseUrl}/v1/session</accessURL>`);
  });
});

describe('catalogue, context, repository', () => {
  test('images: id/types/digest, type filter, unknown type 400 (case-sensitive)', async () => {
    t = await startTestSim();
    const images = await t.json<Array<{ id: string; types: string[]; digest: string }>>('/image');
    expect(images.length).toBeGreaterThan(10);
    for (const img of images) {
      expect(Object.keys(img)).toEqual(['id', 'types', 'digest']);
      expect(img.id).toMatch(/^images\.canfar\.net\/[^/]+\/[^/:]+:[^/]+$/);
      expect(img.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    const kinds = new Set(images.flatMap((i) => i.types));
    for (const k of ['notebook', 'desktop', 'carta', 'firefly', 'contributed', 'headless', 'desktop-app']) expect(kinds).toContain(k);
    expect(images).toContainEqual(expect.objectContaining({ id: 'images.canfar.net/skaha/terminal:1.1.1', types: ['headless', 'notebook'] }));
    const carta = await t.json<Array<{ types: string[] }>>('/image?type=carta');
    expect(carta.length).toBeGreaterThan(0);
    expect(carta.every((i) => i.types.includes('carta'))).toBe(true);
    expect(await t.get('/image?type=Notebook')).toMatchObject({ status: 400, text: 'unknown type: Notebook\n' });
  });

  test('context is the file-mode config with maxInteractiveSessions as a string; repository lists the hosts', async () => {
    t = await startTestSim({ maxInteractiveSessions: 4, registryHosts: ['images.canfar.net', 'images.example.org'] });
    const ctx = await t.json<Record<string, Record<string, unknown>> & { maxInteractiveSessions: unknown }>('/context');
    expect(ctx.maxInteractiveSessions).toBe('4');
    expect(ctx.cores).toMatchObject({ default: 2, defaultRequest: 1, defaultLimit: 8 });
    expect(ctx.cores.options).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(ctx.memoryGB).toMatchObject({ default: 8, defaultRequest: 4, defaultLimit: 32 });
    expect((ctx.gpus.options as number[])[0]).toBe(1);
    expect(await t.json('/repository')).toEqual(['images.canfar.net', 'images.example.org']);
    const bad = await t.post(`/session?name=x&type=notebook&image=${enc('docker.io/x:1')}`);
    expect(bad.text).toBe("session image 'docker.io/x:1' must come from one of [images.canfar.net, images.example.org]\n");
  });

  test('Accept: application/json never causes a 406 on text endpoints', async () => {
    t = await startTestSim();
    const id = await t.create(`name=nb&image=${enc(NOTEBOOK)}&type=notebook`);
    t.tick(10);
    for (const view of ['logs', 'events']) expect((await t.get(`/session/${id}?view=${view}`)).status).toBe(200);
    expect((await t.post(`/session?name=x&image=${enc(NOTEBOOK)}&type=notebook`, '', { Accept: 'application/json' })).status).toBe(200);
  });
});

describe('desktop-app sub-resources', () => {
  test('attach to a Running desktop, list, get, delete; errors per spec', async () => {
    t = await startTestSim();
    const desk = await t.create(`name=d&image=${enc('images.canfar.net/skaha/desktop:1.0.2')}&type=desktop`);
    const xterm = enc('images.canfar.net/skaha/xterm:1.0');
    expect(await t.post(`/session/${desk}/app?image=${xterm}`)).toMatchObject({ status: 404, text: `session ${desk} not found\n` });
    t.tick(10);
    expect(await t.post(`/session/${desk}/app`)).toMatchObject({ status: 400, text: "Missing parameter 'image'\n" });
    const created = await t.post(`/session/${desk}/app?image=${xterm}`);
    expect(created.status).toBe(200);
    const appId = created.text.trim();
    expect(appId).toMatch(/^[a-z][a-z0-9]{2}$/);
    const apps = await t.json<WireSession[]>(`/session/${desk}/app`);
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ id: desk, appid: appId, type: 'desktop-app', connectURL: '' });
    expect(await t.json(`/session/${desk}/app/${appId}`)).toMatchObject({ appid: appId });
    // desktop-apps are hidden from the plain list unless asked for, and shown in view=interactive
    expect((await t.json<WireSession[]>('/session')).map((s) => s.type)).toEqual(['desktop']);
    expect((await t.json<WireSession[]>('/session?type=desktop-app')).map((s) => s.appid)).toEqual([appId]);
    expect((await t.json<WireSession[]>('/session?view=interactive')).map((s) => s.type)).toEqual(['desktop', 'desktop-app']);
    expect(await t.post(`/session/${desk}/app/${appId}`)).toMatchObject({ status: 400, text: 'Cannot modify an existing app.\n' });
    expect(await t.del(`/session/${desk}/app`)).toMatchObject({ status: 400, text: 'Missing app ID\n' });
    expect(await t.get(`/session/${desk}/app/zzz`)).toMatchObject({
      status: 404,
      text: `desktop app with session ${desk} and app ID zzz was not found\n`,
    });
    expect((await t.del(`/session/${desk}/app/${appId}`)).status).toBe(200);
    t.tick(10);
    expect(await t.json(`/session/${desk}/app`)).toEqual([]);
  });

  test('deleting a desktop takes its desktop-apps with it; renew covers them too', async () => {
    t = await startTestSim();
    const desk = await t.create(`name=d&image=${enc('images.canfar.net/skaha/desktop:1.0.2')}&type=desktop`);
    t.tick(10);
    const appId = (await t.post(`/session/${desk}/app?image=${enc('images.canfar.net/skaha/ds9:8.5')}`)).text.trim();
    t.tick(3600);
    const before = (await t.json<WireSession>(`/session/${desk}/app/${appId}`)).expiryTime;
    expect((await t.post(`/session/${desk}`, 'action=renew')).status).toBe(200);
    expect((await t.json<WireSession>(`/session/${desk}/app/${appId}`)).expiryTime).not.toBe(before);
    await t.del(`/session/${desk}`);
    t.tick(10);
    expect(await t.json('/session?type=desktop-app')).toEqual([]);
  });
});
