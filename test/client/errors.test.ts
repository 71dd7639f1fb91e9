import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import { transportError } from '../../src/client/http-errors.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { rejectionOf } from '../helpers/rejection.js';

const TOKEN = 'errors-test-token-123';
let server: FixtureServer;
let client: SkahaClient;
let base: string;

beforeAll(async () => {
  server = await startFixtureServer();
  base = `${server.url}/skaha`;
  client = new SkahaClient(createConnection({ url: base, token: TOKEN, timeouts: { connectMs: 2000, totalMs: 400 } }));
});
afterEach(() => server.reset());
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('HTTP status → error code', () => {
  it.each([
    [401, 'Unauthorized\n', 'SKAHA_UNAUTHORIZED', /401 Unauthorized — your credentials were not accepted.*cadc-get-cert/],
    [403, 'Not authorized to use the skaha system\n', 'SKAHA_FORBIDDEN', /403 Forbidden — Not authorized to use the skaha system — /],
    [503, 'temporarily unavailable: /skaha/v1/session\n', 'SKAHA_UNAVAILABLE', /503 Service Unavailable — temporarily unavailable.* — .*try again later/],
    [500, 'unexpected exception: java.lang.NullPointerException\n', 'SKAHA_SERVER_ERROR', /500 Internal Server Error — unexpected exception/],
    [502, 'bad gateway\n', 'SKAHA_SERVER_ERROR', /502 Bad Gateway/],
  ])('%i → %s with method, URL, status, server text and what to do', async (status, body, code, pattern) => {
    server.route('GET', '/skaha/v1/session', { status, body });
    const err = await rejectionOf(client.listSessions());
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.message.startsWith(`GET ${base}/v1/session: ${status} `)).toBe(true);
    expect(err.message).toMatch(pattern);
  });

  it('404 → SKAHA_NOT_FOUND for an unknown session', async () => {
    server.route('GET', '/skaha/v1/session/nosuch99', { status: 404, body: 'session nosuch99 not found\n' });
    const err = await rejectionOf(client.getSession('nosuch99'));
    expect(err.code).toBe('SKAHA_NOT_FOUND');
    expect(err.message).toContain(`GET ${base}/v1/session/nosuch99: 404 Not Found — session nosuch99 not found — `);
  });

  it('400 → SKAHA_BAD_REQUEST carrying the server text verbatim', async () => {
    const text = "session image 'docker.io/library/ubuntu:22.04' must come from one of [images.canfar.net]";
    server.route('POST', '/skaha/v1/session', { status: 400, body: `${text}\n` });
    const [result] = await client.launch({ name: 'x', image: 'docker.io/library/ubuntu:22.04', kind: 'notebook' });
    expect(result).toMatchObject({ name: 'x', error: { code: 'SKAHA_BAD_REQUEST', status: 400 } });
    server.route('GET', '/skaha/v1/image', { status: 400, body: 'unknown type: bogus\n' });
    const err = await rejectionOf(client.listImages('bogus'));
    expect(err.serverText).toBe('unknown type: bogus');
    expect(err.message).toContain('400 Bad Request — unknown type: bogus — ');
    if ('error' in result) expect(result.error.message).toContain(text);
  });

  it('503 mentions Retry-After when the server sends it', async () => {
    server.route('GET', '/skaha/v1/session', { status: 503, body: 'Platform statistics unavailable\n', headers: { 'retry-after': '30' } });
    const err = await rejectionOf(client.getStats());
    expect(err.code).toBe('SKAHA_UNAVAILABLE');
    expect(err.message).toMatch(/retrying after 30 s/);
  });
});

describe('transport failures', () => {
  it('a hanging server → TIMEOUT after the total timeout', async () => {
    server.route('GET', '/skaha/v1/session', { hang: true });
    const started = Date.now();
    const err = await rejectionOf(client.listSessions());
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toContain(`GET ${base}/v1/session`);
    expect(err.message).toMatch(/timeouts\.totalMs/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a body that stalls midway → TIMEOUT', async () => {
    server.route('GET', '/skaha/v1/session/slow1234', { partial: '{"id":"slow1234",' });
    const err = await rejectionOf(client.getSession('slow1234'));
    expect(err.code).toBe('TIMEOUT');
  });

  it('a closed port → NETWORK_ERROR (connection refused)', async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const dead = new SkahaClient(createConnection({ url: `http://127.0.0.1:${port}/skaha`, token: TOKEN }));
    const err = await rejectionOf(dead.listSessions());
    await dead.close();
    expect(err.code).toBe('NETWORK_ERROR');
    expect(err.message).toContain(`GET http://127.0.0.1:${port}/skaha/v1/session: connection refused (ECONNREFUSED)`);
  });

  it('a reset connection → NETWORK_ERROR', async () => {
    server.route('GET', '/skaha/v1/session', { reset: true });
    const err = await rejectionOf(client.listSessions());
    expect(err.code).toBe('NETWORK_ERROR');
    expect(err.message).toMatch(/closed or reset/);
  });

  it('DNS failures → NETWORK_ERROR and a connect timeout → TIMEOUT (mapping of the undici/libuv codes)', () => {
    const timeouts = { connectMs: 2000, totalMs: 400 };
    const dns = transportError('GET', `${base}/v1/session`, Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }), timeouts, false);
    expect([dns.code, dns.message]).toEqual(['NETWORK_ERROR', expect.stringContaining('could not be resolved (ENOTFOUND)')]);
    const connect = transportError(
      'GET',
      `${base}/v1/session`,
      Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }),
      timeouts,
      false,
    );
    expect([connect.code, connect.message]).toEqual(['TIMEOUT', expect.stringContaining('could not connect within 2 s')]);
  });
});

describe('malformed answers → PROTOCOL_ERROR', () => {
  it('invalid JSON', async () => {
    server.route('GET', '/skaha/v1/session', { body: '{"id": "abc', headers: { 'content-type': 'application/json' } });
    const err = await rejectionOf(client.listSessions());
    expect(err.code).toBe('PROTOCOL_ERROR');
    expect(err.message).toMatch(/not valid JSON/);
  });

  it('JSON of the wrong shape', async () => {
    server.route('GET', '/skaha/v1/session', { json: { sessions: [] } });
    expect((await rejectionOf(client.listSessions())).code).toBe('PROTOCOL_ERROR');
    server.route('GET', '/skaha/v1/session/abc', { json: [1, 2] });
    expect((await rejectionOf(client.getSession('abc'))).code).toBe('PROTOCOL_ERROR');
  });

  it('an empty create answer', async () => {
    server.route('POST', '/skaha/v1/session', { body: '\n' });
    const [result] = await client.launch({ name: 'x', image: 'skaha/terminal:1.1.1', kind: 'headless' });
    expect(result).toMatchObject({ error: { code: 'PROTOCOL_ERROR' } });
  });

  it('a redirect (e.g. to a login page)', async () => {
    server.route('GET', '/skaha/v1/session', { status: 302, headers: { location: 'https://login.example.org/' } });
    const err = await rejectionOf(client.listSessions());
    expect(err.code).toBe('PROTOCOL_ERROR');
    expect(err.message).toContain('https://login.example.org/');
  });
});
