import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import { startFixtureServer, type FixtureServer, type RecordedRequest } from '../helpers/fixture-server.js';

const TOKEN = 'test-token-123';
const CONTEXT = {
  cores: { default: 2, defaultRequest: 1, defaultLimit: 8, options: [1, 2, 4, 8] },
  memoryGB: { default: 8, options: [1, 2, 4, 8, 16] },
  gpus: { options: [1, 2] },
  maxInteractiveSessions: '3',
};
let server: FixtureServer;
let client: SkahaClient;

beforeAll(async () => {
  server = await startFixtureServer();
  client = new SkahaClient(createConnection({ url: `${server.url}/skaha/v1`, token: TOKEN, concurrency: 4 }));
});
afterEach(() => server.reset());
afterAll(async () => {
  await client.close();
  await server.close();
});

const posts = (): RecordedRequest[] => server.requests.filter((r) => r.method === 'POST');

function serveCreate(): void {
  let n = 0;
  server.route('POST', '/skaha/v1/session', () => ({ body: `abcd123${n++}\n` }));
  server.route('GET', '/skaha/v1/context', { json: CONTEXT });
}

describe('create on the wire (§8)', () => {
  it('headless with cores, ram, cmd, args and env: query-string params in the official order, empty form body', async () => {
    serveCreate();
    const results = await client.launch({
      name: 'test',
      image: 'skaha/terminal:1.1.1',
      cores: 2,
      ram: 4,
      kind: 'headless',
      cmd: 'env',
      args: '-0',
      env: ['FOO=bar'],
    });
    expect(results).toEqual([{ name: 'test', id: 'abcd1230' }]);
    const [post] = posts();
    expect(post.path).toBe('/skaha/v1/session');
    expect(post.rawQuery).toBe(
      'name=test&image=images.canfar.net%2Fskaha%2Fterminal%3A1.1.1&cores=2&ram=4&type=headless&cmd=env&args=-0&env=FOO%3Dbar&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D1',
    );
    expect(post.body).toBe('');
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post.headers['content-length']).toBe('0');
    expect(post.headers.accept).toBe('application/json');
    expect(post.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.requests[0].path).toBe('/skaha/v1/context');
  });

  it('a notebook always gets type and the replica env; no context fetch without resources', async () => {
    serveCreate();
    await client.launch({ name: 'nb', image: 'images.canfar.net/skaha/astroml:latest', kind: 'notebook' });
    expect(server.requests).toHaveLength(1);
    expect(posts()[0].rawQuery).toBe('name=nb&image=images.canfar.net%2Fskaha%2Fastroml%3Alatest&type=notebook&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D1');
  });

  it('spaces as "+", gpus, repeated env, name sent as typed', async () => {
    serveCreate();
    await client.launch({ name: 'My-Job', image: 'skaha/terminal:1.1.1', kind: 'headless', cmd: '/bin/sh', args: '-c echo hi', env: ['A=x y'], gpus: 1 });
    expect(posts()[0].rawQuery).toBe(
      'name=My-Job&image=images.canfar.net%2Fskaha%2Fterminal%3A1.1.1&type=headless&gpus=1&cmd=%2Fbin%2Fsh&args=-c+echo+hi&env=A%3Dx+y&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D1',
    );
  });

  it('replicas: names name-1..N, REPLICA_ID/REPLICA_COUNT, one result each, a failed replica keeps its error', async () => {
    server.route('POST', '/skaha/v1/session', (req) =>
      req.query.get('name') === 'rep-2' ? { status: 500, body: 'unexpected exception: boom\n' } : { body: `id-${req.query.get('name')}\n` },
    );
    const results = await client.launch({ name: 'rep', image: 'skaha/terminal:1.1.1', kind: 'headless', replicas: 3 });
    expect(results[0]).toEqual({ name: 'rep-1', id: 'id-rep-1' });
    expect(results[1]).toMatchObject({ name: 'rep-2', error: { code: 'SKAHA_SERVER_ERROR', status: 500 } });
    expect(results[2]).toEqual({ name: 'rep-3', id: 'id-rep-3' });
    const byName = new Map(posts().map((p) => [p.query.get('name'), p.query.getAll('env')]));
    expect(byName.get('rep-1')).toEqual(['REPLICA_ID=1', 'REPLICA_COUNT=3']);
    expect(byName.get('rep-3')).toEqual(['REPLICA_ID=3', 'REPLICA_COUNT=3']);
  });

  it('replicas run concurrently, but never more than connection.concurrency at once', async () => {
    let active = 0;
    let peak = 0;
    server.route('POST', '/skaha/v1/session', async () => {
      peak = Math.max(peak, ++active);
      await new Promise((r) => setTimeout(r, 100));
      active--;
      return { body: 'x1y2z3w4\n' };
    });
    const results = await client.launch({ name: 'par', image: 'skaha/terminal:1.1.1', kind: 'headless', replicas: 10 });
    expect(results.every((r) => 'id' in r)).toBe(true);
    expect(peak).toBe(4);
  });

  it('private images: x-skaha-registry-auth = base64(username:secret), from the request or the connection', async () => {
    serveCreate();
    const withRegistry = new SkahaClient(
      createConnection({ url: `${server.url}/skaha`, token: TOKEN, registryAuth: { username: 'conn-user', secret: 'conn-secret' } }),
    );
    await withRegistry.launch({ name: 'p', image: 'images.canfar.net/private/img:1', kind: 'notebook' });
    await withRegistry.launch({
      name: 'q',
      image: 'images.canfar.net/private/img:1',
      kind: 'notebook',
      registryAuth: { username: 'req-user', secret: 'req-secret' },
    });
    await withRegistry.close();
    await client.launch({ name: 'r', image: 'images.canfar.net/skaha/astroml:1', kind: 'notebook' });
    const [p, q, r] = posts();
    expect(Buffer.from(String(p.headers['x-skaha-registry-auth']), 'base64').toString()).toBe('conn-user:conn-secret');
    expect(Buffer.from(String(q.headers['x-skaha-registry-auth']), 'base64').toString()).toBe('req-user:req-secret');
    expect(r.headers['x-skaha-registry-auth']).toBeUndefined();
  });

  it('validation fails before any request is sent', async () => {
    serveCreate();
    await expect(client.launch({ name: 'bad name', image: 'skaha/x', kind: 'headless' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'name' });
    await expect(client.launch({ name: 'n', image: 'skaha/x', kind: 'headless', cores: 3 })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'cores',
    });
    expect(posts()).toHaveLength(0);
  });
});

describe('every other endpoint on the wire', () => {
  it('lists with filters and views, one session, logs, events, stats', async () => {
    server.route('GET', '/skaha/v1/session', { json: [] });
    server.route('GET', '/skaha/v1/session/abcd1234', (req) => (req.query.get('view') === 'events' ? { body: '<none>\n' } : { body: 'log line\n' }));
    await client.listSessions({ kind: 'notebook', status: 'Running' });
    await client.listSessions({ view: 'interactive' });
    await client.listAllSessions();
    await client.getLogs('abcd1234');
    await client.getEvents('abcd1234');
    server.route('GET', '/skaha/v1/session', { json: { cores: {}, ram: {} } });
    await client.getStats();
    expect(server.requests.map((r) => `${r.method} ${r.path}?${r.rawQuery}`)).toEqual([
      'GET /skaha/v1/session?type=notebook&status=Running',
      'GET /skaha/v1/session?view=interactive',
      'GET /skaha/v1/session?view=all',
      'GET /skaha/v1/session/abcd1234?view=logs',
      'GET /skaha/v1/session/abcd1234?view=events',
      'GET /skaha/v1/session?view=stats',
    ]);
    expect(server.requests.every((r) => r.headers['content-type'] === undefined && r.headers.accept === 'application/json')).toBe(true);
  });

  it('delete, renew, images, context, repository and the unversioned availability', async () => {
    server.route('DELETE', '/skaha/v1/session/abcd1234', { status: 200, body: '' });
    server.route('POST', '/skaha/v1/session/abcd1234', { status: 200, body: '' });
    server.route('GET', '/skaha/v1/image', { json: [{ id: 'images.canfar.net/skaha/terminal:1.1.1', types: ['headless'], digest: 'sha256:deadbeef' }] });
    server.route('GET', '/skaha/v1/context', { json: CONTEXT });
    server.route('GET', '/skaha/v1/repository', { json: ['images.canfar.net'] });
    server.route('GET', '/skaha/availability', {
      body: '<vosi:availability xmlns:vosi="x"><vosi:available>true</vosi:available></vosi:availability>',
      headers: { 'content-type': 'text/xml' },
    });
    await client.deleteSession('abcd1234');
    await client.renewSession('abcd1234');
    expect(await client.listImages('headless')).toHaveLength(1);
    expect((await client.getContext()).maxInteractiveSessions).toBe(3);
    expect(await client.listRepositories()).toEqual(['images.canfar.net']);
    expect(await client.getAvailability()).toEqual({ available: true, note: null });
    expect(server.requests.map((r) => `${r.method} ${r.path}?${r.rawQuery}`)).toEqual([
      'DELETE /skaha/v1/session/abcd1234?',
      'POST /skaha/v1/session/abcd1234?action=renew',
      'GET /skaha/v1/image?type=headless',
      'GET /skaha/v1/context?',
      'GET /skaha/v1/repository?',
      'GET /skaha/availability?',
    ]);
    expect(server.requests[1].headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('desktop-app sub-resources', async () => {
    const app = {
      id: 'desk1234',
      userid: 'alice',
      image: 'images.canfar.net/skaha/terminal:1.1.1',
      type: 'desktop-app',
      status: 'Running',
      name: 'desk',
      appid: 'x7q',
      connectURL: '',
      isFixedResources: false,
    };
    server.route('GET', '/skaha/v1/session/desk1234/app', { json: [app] });
    server.route('GET', '/skaha/v1/session/desk1234/app/x7q', { json: app });
    server.route('POST', '/skaha/v1/session/desk1234/app', { body: 'x7q\n' });
    server.route('DELETE', '/skaha/v1/session/desk1234/app/x7q', { body: '' });
    expect((await client.listDesktopApps('desk1234'))[0]).toMatchObject({ appId: 'x7q', kind: 'desktop-app' });
    expect(await client.getDesktopApp('desk1234', 'x7q')).toMatchObject({ appId: 'x7q' });
    expect(await client.launchDesktopApp('desk1234', { image: 'skaha/terminal:1.1.1' })).toBe('x7q');
    await client.deleteDesktopApp('desk1234', 'x7q');
    expect(server.requests.map((r) => `${r.method} ${r.path}?${r.rawQuery}`)).toEqual([
      'GET /skaha/v1/session/desk1234/app?',
      'GET /skaha/v1/session/desk1234/app/x7q?',
      'POST /skaha/v1/session/desk1234/app?image=images.canfar.net%2Fskaha%2Fterminal%3A1.1.1',
      'DELETE /skaha/v1/session/desk1234/app/x7q?',
    ]);
  });

  it('reuses keep-alive connections for sequential requests', async () => {
    server.route('GET', '/skaha/v1/session', { json: [] });
    const fresh = new SkahaClient(createConnection({ url: `${server.url}/skaha`, token: TOKEN }));
    for (let i = 0; i < 10; i++) await fresh.listSessions();
    await fresh.close();
    // undici may open a second socket for back-to-back requests; without keep-alive there would be 10.
    expect(new Set(server.requests.map((r) => r.remotePort)).size).toBeLessThanOrEqual(2);
  });

  it('ids are path-encoded and an empty id is a VALIDATION_ERROR', async () => {
    await expect(client.getSession('')).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(client.deleteSession('a/b')).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(server.requests).toHaveLength(0);
  });
});
