// Home storage from the VOSpace node on the Skaha host: only three properties read from hostile XML,
// arc then cavern, the token sent to the Skaha host only, no redirect followed, a bounded answer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { parseHomeNode } from '../../src/client/parse-vospace.js';
import { createConnection } from '../../src/config/create-connection.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { rejectionOf } from '../helpers/rejection.js';

const TOKEN = 'storage-test-token-123';
const CORE = 'ivo://ivoa.net/vospace/core#';
let server: FixtureServer;
let other: FixtureServer;
let client: SkahaClient;

const prop = (name: string, value: string) => `<vos:property uri="${CORE}${name}">${value}</vos:property>`;
const node = (props: string, children = '') =>
  `<?xml version="1.0"?><vos:node xmlns:vos="http://www.ivoa.net/xml/VOSpace/v2.0" uri="vos://cadc.nrc.ca~arc/home/alice"><vos:properties>${props}</vos:properties><vos:nodes>${children}</vos:nodes></vos:node>`;

beforeAll(async () => {
  server = await startFixtureServer();
  other = await startFixtureServer();
  client = new SkahaClient(createConnection({ url: `${server.url}/skaha`, token: TOKEN, timeouts: { connectMs: 2000, totalMs: 1000 } }));
});
afterEach(() => {
  server.reset();
  other.reset();
});
afterAll(async () => {
  await client.close();
  await server.close();
  await other.close();
});

describe('parseHomeNode', () => {
  it('reads length, quota and date of the node itself, never of its children', () => {
    const xml = node(
      prop('date', '2026-11-22T12:00:00.000Z') + prop('length', '1073741824') + prop('quota', '10737418240'),
      `<vos:node uri="x">${prop('length', '5')}${prop('quota', '7')}</vos:node>`,
    );
    expect(parseHomeNode(xml)).toEqual({ usedBytes: 2 ** 30, quotaBytes: 10 * 2 ** 30, date: '2026-11-22T12:00:00.000Z' });
    expect(parseHomeNode(node(prop('length', '12')))).toEqual({ usedBytes: 12, quotaBytes: null, date: null });
  });

  it('gives null for what is not a node with a whole-number length', () => {
    for (const bad of [
      '',
      '<html>login</html>',
      node(prop('quota', '5')),
      node(prop('length', '-5')),
      node(prop('length', '1e9')),
      node(prop('length', '9'.repeat(30))),
    ]) {
      expect(parseHomeNode(bad)).toBeNull();
    }
    // Another namespace's "length" is not VOSpace's.
    expect(parseHomeNode(node('<vos:property uri="ivo://evil#length">5</vos:property>'))).toBeNull();
  });
});

describe('readHomeStorage', () => {
  it('asks the Skaha host for arc, then cavern, with limit=0 and the token', async () => {
    server.route('GET', '/arc/nodes/home/alice', { status: 404, body: 'NodeNotFound' });
    server.route('GET', '/cavern/nodes/home/alice', { body: node(prop('length', '42') + prop('quota', '100')), headers: { 'content-type': 'text/xml' } });
    expect(await client.getHomeStorage('alice')).toEqual({ usedBytes: 42, quotaBytes: 100, date: null, node: '/cavern/nodes/home/alice', user: 'alice' });
    expect(server.requests.map((r) => `${r.path}?${r.rawQuery}`)).toEqual(['/arc/nodes/home/alice?limit=0', '/cavern/nodes/home/alice?limit=0']);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('SKAHA_NOT_FOUND when neither answers (no storage service)', async () => {
    const err = await rejectionOf(client.getHomeStorage('alice'));
    expect(err.code).toBe('SKAHA_NOT_FOUND');
    expect(err.message).toMatch(/no storage service answered for alice/);
  });

  it('never follows a redirect to another host, so the token goes nowhere else', async () => {
    server.route('GET', '/arc/nodes/home/alice', { status: 302, headers: { location: `${other.url}/arc/nodes/home/alice` } });
    const err = await rejectionOf(client.getHomeStorage('alice'));
    expect(err.code).toBe('PROTOCOL_ERROR');
    expect(other.requests).toHaveLength(0);
  });

  it('refuses a user name that is not one, and a node that is not XML, saying so', async () => {
    expect((await rejectionOf(client.getHomeStorage('../../etc'))).message).toMatch(/is not a user name/);
    expect(server.requests).toHaveLength(0);
    server.route('GET', '/arc/nodes/home/alice', { body: '<html>please log in</html>' });
    const err = await rejectionOf(client.getHomeStorage('alice'));
    expect(err.code).toBe('PROTOCOL_ERROR');
    expect(err.message).toMatch(/expected a VOSpace node with a length property/);
  });

  it('stops reading an answer bigger than 256 KiB', async () => {
    server.route('GET', '/arc/nodes/home/alice', { stream: { totalBytes: 4 * 1024 * 1024, contentType: 'text/xml' } });
    const err = await rejectionOf(client.getHomeStorage('alice'));
    expect(err.message).toMatch(/262144|256 ?K/);
  });
});
